import { RedisScript } from './redis-client';

/**
 * Lua scripts of the Redis webhook outbox: each operation is one script, so appends from several
 * nodes, claims and completions never interleave. A queue entry is `<event id>\n<JSON body>`
 * (JSON never holds a raw newline).
 */

/**
 * KEYS: attendance hash, attendance order list, then (due zset, queue list) per endpoint.
 * ARGV: 1 meeting id, 2 now, 3 ttl ms, 4 event id, 5 body (or the part before the attendance),
 * 6 the part after it ('' unless ended), 7 mode ('plain' | 'ended'), 8 participant id ('' for none),
 * 9 session record, 10 max attendance, 11 max queued.
 * Returns how many queues took the event.
 */
export const APPEND = new RedisScript(`
local body = ARGV[5]
if ARGV[8] ~= '' then
  if redis.call('HEXISTS', KEYS[1], ARGV[8]) == 1 then
    redis.call('HSET', KEYS[1], ARGV[8], ARGV[9])
  elseif redis.call('LLEN', KEYS[2]) < tonumber(ARGV[10]) then
    redis.call('RPUSH', KEYS[2], ARGV[8])
    redis.call('HSET', KEYS[1], ARGV[8], ARGV[9])
  end
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
end
if ARGV[7] == 'ended' then
  local parts = {}
  for _, id in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
    local record = redis.call('HGET', KEYS[1], id)
    if record then parts[#parts + 1] = record end
  end
  body = ARGV[5] .. '[' .. table.concat(parts, ',') .. ']' .. ARGV[6]
  redis.call('DEL', KEYS[1], KEYS[2])
end
local entry = ARGV[4] .. '\\n' .. body
local queued = 0
for i = 3, #KEYS, 2 do
  if redis.call('LLEN', KEYS[i + 1]) < tonumber(ARGV[11]) then
    redis.call('RPUSH', KEYS[i + 1], entry)
    redis.call('PEXPIRE', KEYS[i + 1], ARGV[3])
    if not redis.call('ZSCORE', KEYS[i], ARGV[1]) then redis.call('ZADD', KEYS[i], ARGV[2], ARGV[1]) end
    queued = queued + 1
  end
end
return queued
`);

/**
 * KEYS: due zset, failures hash. ARGV: now, lease until, limit, queue key prefix.
 * Leases due queues (their score moves to the lease end) and returns [meeting, head, failures]…;
 * a queue that expired meanwhile leaves the schedule.
 */
export const CLAIM = new RedisScript(`
local out = {}
for _, meeting in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))) do
  local head = redis.call('LINDEX', ARGV[4] .. meeting, 0)
  if head then
    redis.call('ZADD', KEYS[1], ARGV[2], meeting)
    out[#out + 1] = meeting
    out[#out + 1] = head
    out[#out + 1] = redis.call('HGET', KEYS[2], meeting) or '0'
  else
    redis.call('ZREM', KEYS[1], meeting)
    redis.call('HDEL', KEYS[2], meeting)
  end
end
return out
`);

/** The head check both settle scripts start with: the queue's head must still be this event. */
const HEAD_IS = `
local head = redis.call('LINDEX', KEYS[2], 0)
if not head or string.sub(head, 1, #ARGV[2] + 1) ~= ARGV[2] .. '\\n' then return -1 end
`;

/**
 * KEYS: due zset, queue, failures hash. ARGV: meeting id, event id, now.
 * Removes the head event; the next one is due now. Returns 1, or -1 when the head is another event.
 */
export const COMPLETE = new RedisScript(`${HEAD_IS}
redis.call('LPOP', KEYS[2])
redis.call('HDEL', KEYS[3], ARGV[1])
if redis.call('LLEN', KEYS[2]) > 0 then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
else
  redis.call('ZREM', KEYS[1], ARGV[1])
end
return 1
`);

/**
 * KEYS: due zset, queue, failures hash. ARGV: meeting id, event id, retry at.
 * Counts a failed attempt of the head and makes it due at the retry time. Returns the failures, or -1.
 */
export const POSTPONE = new RedisScript(`${HEAD_IS}
local failures = redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
return failures
`);
