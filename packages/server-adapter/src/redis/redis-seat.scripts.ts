import { RedisScript } from './redis-client';
import { NODE_INDEX, STANDING } from './redis-store.scripts';

/*
 * Lua scripts of the seat: taking one (the cap, the lock, the waiting-room decision, one seat per
 * user), opening the meeting and starting it in the same step, and giving one up. Each runs
 * atomically on the Redis server, so two joins on two nodes never both take the last seat.
 */

/**
 * Shared Lua: the seat itself (see ADD_PARTICIPANT), with `admit_mode` ('direct' / 'returning')
 * set by the caller. KEYS and ARGV[1..12] as ADD_PARTICIPANT's.
 */
const ADD_BODY = `
local raw = redis.call('HGET', KEYS[1], 'record')
if not raw then return {'meeting-not-found'} end
local m = cjson.decode(raw)
if m.status == 'ended' then return {'meeting-ended'} end
local user_id = ARGV[3]
local now = tonumber(ARGV[8])
local st = get_standing(KEYS[6], user_id)
if st.removed then return {'removed-from-meeting'} end
local same = {}
local present = false
local taken = 0
for _, v in ipairs(redis.call('HVALS', KEYS[2])) do
  local p = cjson.decode(v)
  if p.userId == user_id then
    present = true
    if p.id ~= ARGV[2] then table.insert(same, { id = p.id, nodeId = p.nodeId, json = v }) end
  elseif p.role ~= 'host' then
    taken = taken + 1
  end
end
local returning = present or (st.admittedAt ~= nil and (st.leftAt == nil or now - st.leftAt <= tonumber(ARGV[7])))
if ARGV[12] ~= 'host' then
  if admit_mode == 'returning' and not returning then return {'not-admitted'} end
  if m.locked and not returning then return {'meeting-locked'} end
  if taken >= tonumber(ARGV[5]) then return {'meeting-full'} end
end
local replaced = ''
for _, s in ipairs(same) do
  redis.call('HDEL', KEYS[2], s.id)
  redis.call('ZREM', KEYS[3], s.id)
  redis.call('SREM', node_key(ARGV[10], s.nodeId), node_member(ARGV[11], s.id))
  replaced = s.json
end
local replaced_waiting = redis.call('HGET', KEYS[5], user_id)
if replaced_waiting then
  redis.call('HDEL', KEYS[5], user_id)
  redis.call('SREM', waiting_node_key(ARGV[10], cjson.decode(replaced_waiting).nodeId), node_member(ARGV[11], user_id))
else
  replaced_waiting = ''
end
if st.admittedAt == nil then st.admittedAt = now end
st.leftAt = nil
st.waitingSince = nil
st.waitLeftAt = nil
redis.call('HSET', KEYS[6], user_id, cjson.encode(st))
local joins = redis.call('HINCRBY', KEYS[1], 'joins', 1)
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], joins, ARGV[2])
redis.call('SADD', node_key(ARGV[10], ARGV[4]), node_member(ARGV[11], ARGV[2]))
for i = 1, 6 do redis.call('PEXPIRE', KEYS[i], ARGV[9]) end
local out = {'ok', replaced, replaced_waiting, tostring(st.admittedAt)}
for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  if id ~= ARGV[2] then
    local v = redis.call('HGET', KEYS[2], id)
    if v then table.insert(out, v) end
  end
end
return out
`;

/**
 * KEYS: meeting, participants, order, chat, waiting, people.
 * ARGV: record JSON, participantId, userId, nodeId, maxParticipants, admit ('direct' / 'returning'),
 * graceMs, now, idle TTL ms, prefix, meetingId, role.
 * Returns `{reason}` on refusal, else `{'ok', replacedJSON or '', replacedWaitingJSON or '', admittedAt, othersJSON...}`.
 */
export const ADD_PARTICIPANT = new RedisScript(`${NODE_INDEX}${STANDING}
local admit_mode = ARGV[6]
${ADD_BODY}`);

/**
 * KEYS: as ADD_PARTICIPANT's. ARGV: ADD_PARTICIPANT's (ARGV[6] unused), then initial meeting
 * record JSON, startsAt or '', endsAt or '', early-join margin ms, waiting room default ('1' /
 * '0'), may wait ('1' / '0'), start head count or ''.
 * Opens the meeting as ENSURE_MEETING does, checks it (scheduled end passed, ended, too early
 * for a participant who is not a host), decides whether the person goes through the waiting room,
 * takes the seat as ADD_PARTICIPANT does, and starts a waiting meeting the seat brings to the
 * start head count as START_MEETING does — all in one step. Returns `{meetingJSON, started ('1' /
 * ''), …}` followed by ADD_PARTICIPANT's reply, or by `'scheduled-end'`, `'meeting-ended'` or
 * `'meeting-not-started'` with nothing added.
 */
export const OPEN_AND_ADD = new RedisScript(`${NODE_INDEX}${STANDING}
local opened = redis.call('HGET', KEYS[1], 'record')
if not opened then
  opened = ARGV[13]
  redis.call('HSET', KEYS[1], 'record', opened)
  redis.call('PEXPIRE', KEYS[1], ARGV[9])
else
  local m0 = cjson.decode(opened)
  if m0.status ~= 'ended' then
    redis.call('PEXPIRE', KEYS[1], ARGV[9])
    local changed = false
    if m0.startsAt == nil and ARGV[14] ~= '' then m0.startsAt = tonumber(ARGV[14]); changed = true end
    if m0.endsAt == nil and ARGV[15] ~= '' then m0.endsAt = tonumber(ARGV[15]); changed = true end
    if changed then
      opened = cjson.encode(m0)
      redis.call('HSET', KEYS[1], 'record', opened)
    end
  end
end
local mo = cjson.decode(opened)
local at = tonumber(ARGV[8])
if mo.status ~= 'ended' and mo.endsAt ~= nil and mo.endsAt <= at then return {opened, '', 'scheduled-end'} end
if mo.status == 'ended' then return {opened, '', 'meeting-ended'} end
if ARGV[12] ~= 'host' and mo.startsAt ~= nil and at < mo.startsAt - tonumber(ARGV[16]) then return {opened, '', 'meeting-not-started'} end
local waiting_room = mo.waitingRoom
if waiting_room == nil then waiting_room = (ARGV[17] == '1') end
local admit_mode = 'direct'
if ARGV[18] == '1' and waiting_room then admit_mode = 'returning' end
local function seat()
${ADD_BODY}
end
local reply = seat()
local started = ''
-- reply: 'ok', replaced, replaced waiting, admittedAt, then the others.
if reply[1] == 'ok' and ARGV[19] ~= '' and mo.status == 'waiting' and #reply - 3 >= tonumber(ARGV[19]) then
  mo.status = 'active'
  mo.startedAt = at
  opened = cjson.encode(mo)
  redis.call('HSET', KEYS[1], 'record', opened)
  started = '1'
end
table.insert(reply, 1, started)
table.insert(reply, 1, opened)
return reply
`);

/**
 * KEYS: participants, order, people. ARGV: participantId, prefix, meetingId, leftAt or ''.
 * Returns the removed JSON or nil; with `leftAt`, the user's grace period starts then.
 */
export const REMOVE_PARTICIPANT = new RedisScript(`${NODE_INDEX}
local p, v = take_participant(KEYS[1], KEYS[2], ARGV[2], ARGV[3], ARGV[1])
if not p then return false end
if ARGV[4] ~= '' then
  local raw = redis.call('HGET', KEYS[3], p.userId)
  if raw then
    local st = cjson.decode(raw)
    st.leftAt = tonumber(ARGV[4])
    redis.call('HSET', KEYS[3], p.userId, cjson.encode(st))
  end
end
return v
`);
