// A Vue 3 app around <mentara-meeting>. Attributes and properties are bound like any other
// element's (`:meeting-id`, `:theme`, `:beforeJoin.prop`); the element's DOM events are Vue
// listeners (`@joined`, `@left`, `@participant-joined`…), each with its `detail`.
import { computed, createApp, onMounted, ref } from 'vue';

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
    /** The meeting token, minted for the name typed on the pre-join screen (see `beforeJoin`). */
    let token;
    const theme = ref(params.get('theme') ?? 'system');
    const status = ref('Setting up the meeting…');
    /** Everyone else in the session, `{ id, name }`, from the element's participant events. */
    const others = ref([]);
    const invite = computed(() => `${location.origin}${location.pathname}?meeting=${encodeURIComponent(meetingId.value ?? '')}`);

    onMounted(async () => {
      // Your backend decides who meets whom. This demo creates a meeting and shares it by address.
      if (!meetingId.value) {
        try {
          meetingId.value = (await post('/api/meetings')).meetingId;
        } catch (error) {
          status.value = error.message;
          return;
        }
        params.set('meeting', meetingId.value);
        history.replaceState(null, '', `?${params}`);
      }
      status.value = '';
    });

    return {
      meetingId,
      // Your backend mints the token for its signed-in user; this demo asks the quickstart server
      // for one carrying the typed name. A rejection keeps the pre-join screen and shows its message.
      beforeJoin: async ({ displayName }) => {
        ({ token } = await post('/api/demo/session', { meetingId: meetingId.value, displayName }));
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
  template: `
    <header>
      <strong>Video session</strong>
      <p v-if="meetingId">Invite the other person with this address: <a :href="invite">{{ invite }}</a></p>
      <p role="status">{{ status }}<template v-if="others.length"> With: {{ others.map((other) => other.name).join(', ') }}.</template></p>
      <button type="button" @click="toggleTheme">{{ theme === 'dark' ? 'Light theme' : 'Dark theme' }}</button>
    </header>
    <mentara-meeting
      v-if="meetingId"
      :meeting-id="meetingId"
      :beforeJoin.prop="beforeJoin"
      :getToken.prop="getToken"
      :theme="theme"
      @joined="onJoined"
      @left="onLeft"
      @ended="onEnded"
      @participant-joined="onParticipantJoined"
      @participant-left="onParticipantLeft"
      @error="onError"
    ></mentara-meeting>
  `,
});
// <mentara-meeting> is a custom element, not a Vue component.
app.config.compilerOptions.isCustomElement = (tag) => tag === 'mentara-meeting';
app.mount('#app');
