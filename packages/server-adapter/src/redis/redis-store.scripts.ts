import { RedisScript } from './redis-client';

/*
 * Lua scripts of the Redis room store (the seat's are in redis-seat.scripts.ts, the waiting room's in
 * redis-waiting.scripts.ts). Each runs atomically on the Redis server, which is what
 * makes "check the cap, then add" and the `waiting → active → ended` transitions safe when
 * several nodes act on the same meeting at once. Records are stored as JSON strings; a script
 * decodes one only when it must read or change a field.
 *
 * ARGV conventions: `prefix` is the key prefix, `meetingId` builds node-index members.
 */

/**
 * Shared Lua: the node-index keys (participants by participant id, waiting entries by user id)
 * and their member strings, and taking a participant out of a meeting (leave, removal by a host).
 */
export const NODE_INDEX = `
local function node_key(prefix, node_id) return prefix .. 'node:' .. node_id .. ':participants' end
local function waiting_node_key(prefix, node_id) return prefix .. 'node:' .. node_id .. ':waiting' end
local function node_member(meeting_id, id) return meeting_id .. '\\n' .. id end
-- Takes a participant out of the meeting's hash, its order and its node's index; returns the
-- decoded record and its JSON, or nil when there is none.
local function take_participant(participants, order, prefix, meeting_id, id)
  local v = redis.call('HGET', participants, id)
  if not v then return nil end
  local p = cjson.decode(v)
  redis.call('HDEL', participants, id)
  redis.call('ZREM', order, id)
  redis.call('SREM', node_key(prefix, p.nodeId), node_member(meeting_id, id))
  return p, v
end
`;

/** Shared Lua: a user's standing (JSON in the people hash), or an empty one. */
export const STANDING = `
local function get_standing(key, user_id)
  local raw = redis.call('HGET', key, user_id)
  if raw then return cjson.decode(raw) end
  return {}
end
`;

/**
 * KEYS: meeting. ARGV: initial record JSON, idle TTL ms, startsAt or '', endsAt or ''.
 * Creates the record, or fills in the schedule an open one lacks. Returns the stored record JSON.
 */
export const ENSURE_MEETING = new RedisScript(`
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw then
  redis.call('HSET', KEYS[1], 'record', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return ARGV[1]
end
local m = cjson.decode(raw)
if m.status == 'ended' then return raw end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
local changed = false
if m.startsAt == nil and ARGV[3] ~= '' then m.startsAt = tonumber(ARGV[3]); changed = true end
if m.endsAt == nil and ARGV[4] ~= '' then m.endsAt = tonumber(ARGV[4]); changed = true end
if not changed then return raw end
local out = cjson.encode(m)
redis.call('HSET', KEYS[1], 'record', out)
return out
`);

/** KEYS: meeting. ARGV: byMs, now. Moves the end later (from now when none or past); nil when not open. */
export const EXTEND_MEETING = new RedisScript(`
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw then return false end
local m = cjson.decode(raw)
if m.status == 'ended' then return false end
local now = tonumber(ARGV[2])
local from = m.endsAt or now
if from < now then from = now end
m.endsAt = from + tonumber(ARGV[1])
local out = cjson.encode(m)
redis.call('HSET', KEYS[1], 'record', out)
return out
`);

/** KEYS: meeting. ARGV: '1' (lock) or '0'. Returns the record JSON, nil when not open. */
export const SET_LOCKED = new RedisScript(`
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw then return false end
local m = cjson.decode(raw)
if m.status == 'ended' then return false end
m.locked = ARGV[1] == '1'
local out = cjson.encode(m)
redis.call('HSET', KEYS[1], 'record', out)
return out
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

/** Shared Lua: drops the node-index members of every waiting entry in `key` (hash by user id). */
const UNINDEX_WAITING = `
local function unindex_waiting(key, prefix, meeting_id)
  for _, v in ipairs(redis.call('HVALS', key)) do
    local w = cjson.decode(v)
    redis.call('SREM', waiting_node_key(prefix, w.nodeId), node_member(meeting_id, w.userId))
  end
end
`;

/**
 * KEYS: meeting, participants, order, chat, waiting, people. ARGV: reason, endedAt, retainMs,
 * prefix, meetingId. Compare-and-set * → ended; clears participants, waiting list, chat and
 * standings; returns the removed participants' JSON (join order), nil when not ours.
 */
export const END_MEETING = new RedisScript(`${NODE_INDEX}${UNINDEX_WAITING}
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
unindex_waiting(KEYS[5], ARGV[4], ARGV[5])
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
m.status = 'ended'
m.endedAt = tonumber(ARGV[2])
m.endReason = ARGV[1]
redis.call('HSET', KEYS[1], 'record', cjson.encode(m))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return out
`);

/** KEYS: meeting, participants, order, chat, waiting, people. ARGV: prefix, meetingId. Forgets the meeting. */
export const DELETE_MEETING = new RedisScript(`${NODE_INDEX}${UNINDEX_WAITING}
for _, v in ipairs(redis.call('HVALS', KEYS[2])) do
  local p = cjson.decode(v)
  redis.call('SREM', node_key(ARGV[1], p.nodeId), node_member(ARGV[2], p.id))
end
unindex_waiting(KEYS[5], ARGV[1], ARGV[2])
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
return 1
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

/**
 * KEYS: meeting, participants, order, chat, waiting. ARGV: '1' to include the chat, '1' to include
 * the waiting room. Returns { meeting record JSON or '', participants in join order, chat, waiting }:
 * what a join answer reads, in one round trip and at one instant.
 */
export const READ_MEETING_VIEW = new RedisScript(`
local present = {}
local ids = redis.call('ZRANGE', KEYS[3], 0, -1)
if #ids > 0 then
  for _, v in ipairs(redis.call('HMGET', KEYS[2], unpack(ids))) do
    if v then table.insert(present, v) end
  end
end
local chat = {}
if ARGV[1] == '1' then chat = redis.call('LRANGE', KEYS[4], 0, -1) end
local waiting = {}
if ARGV[2] == '1' then waiting = redis.call('HVALS', KEYS[5]) end
return { redis.call('HGET', KEYS[1], 'record') or '', present, chat, waiting }
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
