import { RedisScript } from './redis-client';
import { NODE_INDEX, STANDING } from './redis-store.scripts';

/*
 * Lua scripts of the session flow: the waiting room (one entry per user, keyed by user id),
 * admission with the seat cap, denials and removals. Each runs atomically on the Redis server,
 * so two hosts on two nodes admitting at once never exceed the cap, and a knock racing a lock
 * or a removal sees one or the other. Standings (JSON per user in the people hash) carry first
 * admission, grace, removal, denials and the place in the waiting room.
 */

/** Shared Lua: finds the waiting entry with participant id `id` in hash `key`; returns json, decoded. */
const FIND_WAITING = `
local function find_waiting(key, id)
  for _, v in ipairs(redis.call('HVALS', key)) do
    local w = cjson.decode(v)
    if w.id == id then return v, w end
  end
  return nil, nil
end
`;

/**
 * KEYS: meeting, waiting, people.
 * ARGV: record JSON, userId, nodeId, now, graceMs, denialCooldownMs, maxDenials, idle TTL ms, prefix, meetingId.
 * Returns `{reason, retryAfterMs or ''}` on refusal, else `{'ok', entryJSON, replacedJSON or ''}`.
 */
export const KNOCK = new RedisScript(`${NODE_INDEX}${STANDING}
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw then return {'meeting-not-found', ''} end
local m = cjson.decode(raw)
if m.status == 'ended' then return {'meeting-ended', ''} end
local user_id = ARGV[2]
local now = tonumber(ARGV[4])
local cooldown = tonumber(ARGV[6])
local st = get_standing(KEYS[3], user_id)
if st.removed then return {'removed-from-meeting', ''} end
if (st.denials or 0) >= tonumber(ARGV[7]) then return {'admission-denied', ''} end
if st.deniedAt ~= nil and now - st.deniedAt < cooldown then
  return {'admission-denied', tostring(st.deniedAt + cooldown - now)}
end
if m.locked then return {'meeting-locked', ''} end
local prev = redis.call('HGET', KEYS[2], user_id)
local since = now
if st.waitingSince ~= nil and (prev or (st.waitLeftAt ~= nil and now - st.waitLeftAt <= tonumber(ARGV[5]))) then
  since = st.waitingSince
end
st.waitingSince = since
st.waitLeftAt = nil
redis.call('HSET', KEYS[3], user_id, cjson.encode(st))
local entry = cjson.decode(ARGV[1])
entry.since = since
local json = cjson.encode(entry)
redis.call('HSET', KEYS[2], user_id, json)
if prev then
  redis.call('SREM', waiting_node_key(ARGV[9], cjson.decode(prev).nodeId), node_member(ARGV[10], user_id))
else
  prev = ''
end
redis.call('SADD', waiting_node_key(ARGV[9], ARGV[3]), node_member(ARGV[10], user_id))
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[8]) end
return {'ok', json, prev}
`);

/**
 * KEYS: waiting, people. ARGV: participantId, leftAt, prefix, meetingId.
 * Takes the entry out (the user keeps their place for the grace); returns its JSON or nil.
 */
export const LEAVE_WAITING = new RedisScript(`${NODE_INDEX}${FIND_WAITING}
local v, w = find_waiting(KEYS[1], ARGV[1])
if not v then return false end
redis.call('HDEL', KEYS[1], w.userId)
redis.call('SREM', waiting_node_key(ARGV[3], w.nodeId), node_member(ARGV[4], w.userId))
local raw = redis.call('HGET', KEYS[2], w.userId)
if raw then
  local st = cjson.decode(raw)
  st.waitLeftAt = tonumber(ARGV[2])
  redis.call('HSET', KEYS[2], w.userId, cjson.encode(st))
end
return v
`);

/**
 * KEYS: meeting, participants, order, waiting, people.
 * ARGV: participantId or '' (everyone), maxParticipants, now, idle TTL ms, prefix, meetingId.
 * Returns `{full ('1' / '0'), participantJSON, admittedAt, participantJSON, admittedAt, ...}`.
 */
export const ADMIT_WAITING = new RedisScript(`${NODE_INDEX}${STANDING}
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw or cjson.decode(raw).status == 'ended' then return {'0'} end
local now = tonumber(ARGV[3])
local chosen = {}
for _, v in ipairs(redis.call('HVALS', KEYS[4])) do
  local w = cjson.decode(v)
  if ARGV[1] == '' or w.id == ARGV[1] then table.insert(chosen, w) end
end
table.sort(chosen, function(a, b)
  if a.since == b.since then return a.id < b.id end
  return a.since < b.since
end)
local taken = 0
for _, v in ipairs(redis.call('HVALS', KEYS[2])) do
  if cjson.decode(v).role ~= 'host' then taken = taken + 1 end
end
local full = '0'
local out = {}
for _, w in ipairs(chosen) do
  if w.role ~= 'host' and taken >= tonumber(ARGV[2]) then
    full = '1'
    break
  end
  if w.role ~= 'host' then taken = taken + 1 end
  redis.call('HDEL', KEYS[4], w.userId)
  redis.call('SREM', waiting_node_key(ARGV[5], w.nodeId), node_member(ARGV[6], w.userId))
  w.since = nil
  w.joinedAt = now
  local json = cjson.encode(w)
  local joins = redis.call('HINCRBY', KEYS[1], 'joins', 1)
  redis.call('HSET', KEYS[2], w.id, json)
  redis.call('ZADD', KEYS[3], joins, w.id)
  redis.call('SADD', node_key(ARGV[5], w.nodeId), node_member(ARGV[6], w.id))
  local st = get_standing(KEYS[5], w.userId)
  if st.admittedAt == nil then st.admittedAt = now end
  st.leftAt = nil
  st.waitingSince = nil
  st.waitLeftAt = nil
  redis.call('HSET', KEYS[5], w.userId, cjson.encode(st))
  table.insert(out, json)
  table.insert(out, tostring(st.admittedAt))
end
for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
table.insert(out, 1, full)
return out
`);

/**
 * KEYS: meeting, waiting, people. ARGV: participantId, now, prefix, meetingId.
 * Removes the entry and counts the denial; returns the entry JSON, nil when not waiting.
 */
export const DENY_WAITING = new RedisScript(`${NODE_INDEX}${STANDING}${FIND_WAITING}
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw or cjson.decode(raw).status == 'ended' then return false end
local v, w = find_waiting(KEYS[2], ARGV[1])
if not v then return false end
redis.call('HDEL', KEYS[2], w.userId)
redis.call('SREM', waiting_node_key(ARGV[3], w.nodeId), node_member(ARGV[4], w.userId))
local st = get_standing(KEYS[3], w.userId)
st.denials = (st.denials or 0) + 1
st.deniedAt = tonumber(ARGV[2])
st.waitingSince = nil
st.waitLeftAt = nil
redis.call('HSET', KEYS[3], w.userId, cjson.encode(st))
return v
`);

/**
 * KEYS: meeting, participants, order, waiting, people. ARGV: participantId, prefix, meetingId.
 * Removes the participant and bars their user until the meeting ends; returns the JSON or nil.
 */
export const BAN_PARTICIPANT = new RedisScript(`${NODE_INDEX}
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw or cjson.decode(raw).status == 'ended' then return false end
local p, v = take_participant(KEYS[2], KEYS[3], ARGV[2], ARGV[3], ARGV[1])
if not p then return false end
local w = redis.call('HGET', KEYS[4], p.userId)
if w then
  redis.call('HDEL', KEYS[4], p.userId)
  redis.call('SREM', waiting_node_key(ARGV[2], cjson.decode(w).nodeId), node_member(ARGV[3], p.userId))
end
redis.call('HSET', KEYS[5], p.userId, cjson.encode({ removed = true }))
return v
`);

/**
 * KEYS: node waiting index. ARGV: prefix, nodeId. Returns the JSON of every waiting entry on the
 * node and drops members whose entry is gone or now lives on another node.
 */
export const LIST_WAITING_BY_NODE = new RedisScript(`
local out = {}
for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local sep = string.find(member, '\\n', 1, true)
  local v = false
  if sep then
    local key = ARGV[1] .. '{' .. string.sub(member, 1, sep - 1) .. '}:waiting'
    v = redis.call('HGET', key, string.sub(member, sep + 1))
    if v and cjson.decode(v).nodeId ~= ARGV[2] then v = false end
  end
  if v then table.insert(out, v) else redis.call('SREM', KEYS[1], member) end
end
return out
`);
