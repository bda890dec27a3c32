import { RedisScript } from './redis-client';

/*
 * Lua scripts of the Redis room store. Each runs atomically on the Redis server, which is what
 * makes "check the cap, then add" and the `waiting → active → ended` transitions safe when
 * several nodes act on the same meeting at once. Records are stored as JSON strings; a script
 * decodes one only when it must read or change a field.
 *
 * ARGV conventions: `prefix` is the key prefix, `meetingId` builds node-index members.
 */

/** Shared Lua: the node-index key of a participant record and its member string. */
const NODE_INDEX = `
local function node_key(prefix, node_id) return prefix .. 'node:' .. node_id .. ':participants' end
local function node_member(meeting_id, participant_id) return meeting_id .. '\\n' .. participant_id end
`;

/** KEYS: meeting. ARGV: initial record JSON, idle TTL ms. Returns the stored record JSON. */
export const ENSURE_MEETING = new RedisScript(`
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw then
  redis.call('HSET', KEYS[1], 'record', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return ARGV[1]
end
if cjson.decode(raw).status ~= 'ended' then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return raw
`);

/** KEYS: meeting. ARGV: endsAt or ''. Returns the record JSON, or nil when unknown or ended. */
export const SET_ENDS_AT = new RedisScript(`
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw then return false end
local m = cjson.decode(raw)
if m.status == 'ended' then return false end
if ARGV[1] == '' then m.endsAt = nil else m.endsAt = tonumber(ARGV[1]) end
local out = cjson.encode(m)
redis.call('HSET', KEYS[1], 'record', out)
return out
`);

/** KEYS: meeting. ARGV: startedAt. Compare-and-set waiting → active; nil when not waiting. */
export const START_MEETING = new RedisScript(`
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw then return false end
local m = cjson.decode(raw)
if m.status ~= 'waiting' then return false end
m.status = 'active'
m.startedAt = tonumber(ARGV[1])
local out = cjson.encode(m)
redis.call('HSET', KEYS[1], 'record', out)
return out
`);

/**
 * KEYS: meeting, participants, order, chat. ARGV: reason, endedAt, retainMs, prefix, meetingId.
 * Compare-and-set * → ended; returns the removed participants' JSON (join order), nil when not ours.
 */
export const END_MEETING = new RedisScript(`${NODE_INDEX}
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw then return false end
local m = cjson.decode(raw)
if m.status == 'ended' then return false end
local out = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  local v = redis.call('HGET', KEYS[2], id)
  if v then
    redis.call('SREM', node_key(ARGV[4], cjson.decode(v).nodeId), node_member(ARGV[5], id))
    table.insert(out, v)
  end
end
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
m.status = 'ended'
m.endedAt = tonumber(ARGV[2])
m.endReason = ARGV[1]
redis.call('HSET', KEYS[1], 'record', cjson.encode(m))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return out
`);

/** KEYS: meeting, participants, order, chat. ARGV: prefix, meetingId. Forgets the meeting. */
export const DELETE_MEETING = new RedisScript(`${NODE_INDEX}
for _, v in ipairs(redis.call('HVALS', KEYS[2])) do
  local p = cjson.decode(v)
  redis.call('SREM', node_key(ARGV[1], p.nodeId), node_member(ARGV[2], p.id))
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
return 1
`);

/**
 * KEYS: meeting, participants, order, chat.
 * ARGV: record JSON, participantId, userId, nodeId, maxParticipants, replaceParticipantId or '',
 * idle TTL ms, prefix, meetingId.
 * Returns `{reason}` on refusal, else `{'ok', replacedJSON or '', othersJSON...}`.
 */
export const ADD_PARTICIPANT = new RedisScript(`${NODE_INDEX}
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw then return {'meeting-not-found'} end
if cjson.decode(raw).status == 'ended' then return {'meeting-ended'} end
local replaced = nil
if ARGV[6] ~= '' and ARGV[6] ~= ARGV[2] then
  local stale = redis.call('HGET', KEYS[2], ARGV[6])
  if stale then
    local s = cjson.decode(stale)
    if s.userId == ARGV[3] then replaced = { json = stale, nodeId = s.nodeId } end
  end
end
local count = redis.call('HLEN', KEYS[2])
if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then count = count - 1 end
if replaced then count = count - 1 end
if count >= tonumber(ARGV[5]) then return {'meeting-full'} end
if replaced then
  redis.call('HDEL', KEYS[2], ARGV[6])
  redis.call('ZREM', KEYS[3], ARGV[6])
  redis.call('SREM', node_key(ARGV[8], replaced.nodeId), node_member(ARGV[9], ARGV[6]))
end
local joins = redis.call('HINCRBY', KEYS[1], 'joins', 1)
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], joins, ARGV[2])
redis.call('SADD', node_key(ARGV[8], ARGV[4]), node_member(ARGV[9], ARGV[2]))
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[7]) end
local out = {'ok', replaced and replaced.json or ''}
for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  if id ~= ARGV[2] then
    local v = redis.call('HGET', KEYS[2], id)
    if v then table.insert(out, v) end
  end
end
return out
`);

/** KEYS: participants, order. ARGV: participantId, prefix, meetingId. Returns the removed JSON or nil. */
export const REMOVE_PARTICIPANT = new RedisScript(`${NODE_INDEX}
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then return false end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SREM', node_key(ARGV[2], cjson.decode(v).nodeId), node_member(ARGV[3], ARGV[1]))
return v
`);

/** KEYS: participants, order. Returns every participant JSON in join order. */
export const LIST_PARTICIPANTS = new RedisScript(`
local out = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local v = redis.call('HGET', KEYS[1], id)
  if v then table.insert(out, v) end
end
return out
`);

/** KEYS: participants. ARGV: participantId, media JSON or '', ready '1' / '0' / ''. */
export const UPDATE_PARTICIPANT = new RedisScript(`
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then return false end
local p = cjson.decode(v)
if ARGV[2] ~= '' then p.media = cjson.decode(ARGV[2]) end
if ARGV[3] ~= '' then p.ready = (ARGV[3] == '1') end
local out = cjson.encode(p)
redis.call('HSET', KEYS[1], ARGV[1], out)
return out
`);

/**
 * KEYS: node index. ARGV: prefix. Returns the JSON of every participant on the node and drops
 * index members whose participant is gone (expired meetings).
 */
export const LIST_BY_NODE = new RedisScript(`
local out = {}
for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local sep = string.find(member, '\\n', 1, true)
  local v = false
  if sep then
    local key = ARGV[1] .. '{' .. string.sub(member, 1, sep - 1) .. '}:participants'
    v = redis.call('HGET', key, string.sub(member, sep + 1))
  end
  if v then table.insert(out, v) else redis.call('SREM', KEYS[1], member) end
end
return out
`);

/** KEYS: meeting, chat. ARGV: message JSON, maxHistory, idle TTL ms. Returns 1 when stored. */
export const APPEND_CHAT = new RedisScript(`
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw then return 0 end
if cjson.decode(raw).status == 'ended' then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 1
`);
