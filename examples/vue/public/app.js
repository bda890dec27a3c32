// A Vue 3 app around <mentara-meeting>. Attributes and properties are bound like any other
// element's (`:meeting-id`, `:theme`, `:beforeJoin.prop`); the element's DOM events are Vue
// listeners (`@joined`, `@left`, `@participant-joined`…), each with its `detail`.
// Vue's browser build, served by this app from node_modules: nothing comes from a CDN. Imported by
// path (no inline import map), so the page runs under a strict Content-Security-Policy.
import { computed, createApp, h, onMounted, ref } from '/vendor/vue.esm-browser.prod.js';

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

const app = createApp({
  setup() {
    const params = new URLSearchParams(location.search);
    const meetingId = ref(params.get('meeting'));
    /** The quickstart's host key: whoever created the meeting here hosts it (it stays in this page's address). */
    let hostKey = params.get('host');
    /** The meeting token, minted for the name typed on the pre-join screen (see `beforeJoin`). */
    let token;
    const theme = ref(params.get('theme') ?? 'system');
    const status = ref('Setting up the meeting…');
    /** Everyone else in the session, `{ id, name }`, from the element's participant events. */
    const others = ref([]);
    const invite = computed(() => `${location.origin}${location.pathname}?meeting=${encodeURIComponent(meetingId.value ?? '')}`);

    onMounted(async () => {
      // Your backend decides who meets whom and who hosts. This demo creates a meeting and makes
      // its creator the host; the invite has no key, so whoever opens it waits until let in.
      if (!meetingId.value) {
        try {
          const created = await post('/api/meetings');
          meetingId.value = created.meetingId;
          hostKey = new URL(created.hostUrl).searchParams.get('host');
        } catch (error) {
          status.value = error.message;
          return;
        }
        params.set('meeting', meetingId.value);
        if (hostKey) params.set('host', hostKey);
        history.replaceState(null, '', `?${params}`);
      }
      status.value = '';
    });

    return {
      meetingId,
      // Your backend mints the token for its signed-in user; this demo asks the quickstart server
      // for one carrying the typed name. A rejection keeps the pre-join screen and shows its message.
      beforeJoin: async ({ displayName }) => {
        ({ token } = await post('/api/demo/session', { meetingId: meetingId.value, displayName, ...(hostKey ? { hostKey } : {}) }));
      },
      // Properties, not attributes: the token never shows in the DOM.
      getToken: () => token,
      theme,
      status,
      others,
      invite,
      onJoined: ({ detail }) => {
        status.value = 'In the session.';
        others.value = detail.participants.map((p) => ({ id: p.id, name: p.displayName }));
      },
      onLeft: () => {
        status.value = 'You left the session.';
        others.value = [];
      },
      onEnded: () => (status.value = 'The session has ended.'),
      onParticipantJoined: ({ detail }) => others.value.push({ id: detail.participant.id, name: detail.participant.displayName }),
      onParticipantLeft: ({ detail }) => (others.value = others.value.filter((other) => other.id !== detail.participantId)),
      onError: (event) => console.warn(event.detail.code, event.detail.message),
      toggleTheme: () => (theme.value = theme.value === 'dark' ? 'light' : 'dark'),
    };
  },
  // A render function, not a template string: compiling templates in the browser needs
  // `'unsafe-eval'`, which the page's Content-Security-Policy does not allow.
  render() {
    return [
      h('header', [
        h('strong', 'Video session'),
        this.meetingId ? h('p', ['Invite the other person with this address: ', h('a', { href: this.invite }, this.invite)]) : null,
        h('p', { role: 'status' }, [this.status, this.others.length ? ` With: ${this.others.map((other) => other.name).join(', ')}.` : null]),
        h('button', { type: 'button', onClick: this.toggleTheme }, this.theme === 'dark' ? 'Light theme' : 'Dark theme'),
      ]),
      this.meetingId
        ? h('mentara-meeting', {
            // An attribute, a theme attribute, two properties (`.` binds a DOM property), and the
            // element's DOM events (`onParticipantJoined` listens to `participant-joined`).
            'meeting-id': this.meetingId,
            theme: this.theme,
            // While alone the room offers this invite (without the host key in this page's address).
            'invite-url': this.invite,
            '.beforeJoin': this.beforeJoin,
            '.getToken': this.getToken,
            onJoined: this.onJoined,
            onLeft: this.onLeft,
            onEnded: this.onEnded,
            onParticipantJoined: this.onParticipantJoined,
            onParticipantLeft: this.onParticipantLeft,
            onError: this.onError,
          })
        : null,
    ];
  },
});
app.mount('#app');
