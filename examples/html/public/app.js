// The page's own script: a file, not inline, so the page runs under a strict Content-Security-Policy
// (`script-src 'self'`), as the meeting server's static handler serves it.
const meeting = document.querySelector('mentara-meeting');
const invite = document.getElementById('invite');
const status = document.getElementById('status');
const params = new URLSearchParams(location.search);

async function post(path, body = {}) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error ?? 'The meeting server did not answer. Try again.');
  return answer;
}

// ?theme=light or ?theme=dark; without it the person's system setting decides.
if (params.get('theme')) meeting.theme = params.get('theme');

// Your backend decides who meets whom and who hosts. This demo creates a meeting, makes the
// person who created it its host (the quickstart's host link carries a key; it stays in this
// page's own address) and shares an invite without the key: whoever opens it waits in the
// waiting room until the host lets them in.
let meetingId = params.get('meeting');
let hostKey = params.get('host');
if (!meetingId) {
  const created = await post('/api/meetings').catch((error) => {
    invite.textContent = error.message;
    throw error;
  });
  meetingId = created.meetingId;
  hostKey = new URL(created.hostUrl).searchParams.get('host');
  params.set('meeting', meetingId);
  if (hostKey) params.set('host', hostKey);
  history.replaceState(null, '', `?${params}`);
}
const link = `${location.origin}${location.pathname}?meeting=${encodeURIComponent(meetingId)}`;
invite.innerHTML = hostKey
  ? 'You host this session. Invite the other person with this address (you let them in): <a></a>'
  : 'Invite the other person with this address: <a></a>';
invite.querySelector('a').href = invite.querySelector('a').textContent = link;

// Your backend mints the meeting token for its signed-in user; this demo asks the quickstart
// server for one carrying the name typed on the pre-join screen. A rejection keeps the
// pre-join screen and shows its message. As a property the token never appears in the DOM.
let token;
meeting.beforeJoin = async ({ displayName }) => {
  ({ token } = await post('/api/demo/session', { meetingId, displayName, ...(hostKey ? { hostKey } : {}) }));
};
meeting.getToken = () => token;
// While alone the room offers this invite, not this page's address (which holds the host key).
meeting.inviteUrl = link;
// The room starts once it has a meeting id.
meeting.meetingId = meetingId;

meeting.addEventListener('joined', () => (status.textContent = 'In the session.'));
meeting.addEventListener('left', () => (status.textContent = 'You left the session.'));
meeting.addEventListener('ended', () => (status.textContent = 'The session has ended.'));
meeting.addEventListener('error', (event) => console.warn(event.detail.code, event.detail.message));
