import {
  createMeetingClient,
  type GridLayout,
  type MeetingClient,
  type MeetingClientOptions,
  type MeetingMessagesInput,
  type PreJoinValues,
} from '@mentara/meetings';
import packageCss from '../styles.css?raw';
import {
  MEETING_ELEMENT_ATTRIBUTES,
  RESTARTING_ATTRIBUTES,
  parseLayout,
  parseSwitch,
  parseTheme,
  type MeetingElementTheme,
} from './attributes';
import type { MentaraMeetingElementEventMap } from './events';
import { mountRoom, type RoomMount } from './room-mount';
import { shadowStylesFrom } from './shadow-styles';

/** `clientOptions` of the element, as `<MeetingRoom clientOptions>`: `serverUrl`, `meetingId`, `token` and `displayName` come from attributes. */
export type MeetingElementClientOptions = Omit<MeetingClientOptions, 'serverUrl' | 'meetingId' | 'token' | 'displayName'>;

/** A function that returns a fresh meeting token, called before every (re)connect and ICE-config fetch. */
export type MeetingTokenGetter = () => string | null | undefined | Promise<string | null | undefined>;

/** Called when the person presses Join on the pre-join screen, before joining (see `beforeJoin`). */
export type MeetingJoinHook = (values: PreJoinValues) => void | Promise<void>;

/**
 * `HTMLElement` in a browser. On a server there is none: the element then extends a bare class,
 * so importing this module never throws (it is only ever defined and constructed in a browser).
 */
const Base = (typeof HTMLElement === 'undefined' ? class {} : HTMLElement) as typeof HTMLElement;

/** Properties a page may have set on the element before its definition loaded (see `connectedCallback`). */
const PROPERTIES = ['serverUrl', 'meetingId', 'token', 'displayName', 'theme', 'layout', 'preJoin', 'chat', 'inviteUrl', 'getToken', 'beforeJoin', 'clientOptions', 'messages', 'client'] as const;

let shadowCss: string | undefined;

/**
 * `<mentara-meeting>`: the complete `<MeetingRoom/>` as a custom element, for pages without React.
 * It renders into its own shadow root (styles isolated, themable through `--mm-*` custom
 * properties on the element) and reports what happens as DOM events (`joined`, `left`, `ended`,
 * `error`, `participant-joined`, `participant-left`).
 *
 * @example
 * ```html
 * <mentara-meeting server-url="https://meet.example.com" meeting-id="8c6f…" display-name="Client"></mentara-meeting>
 * <script type="module">
 *   const meeting = document.querySelector('mentara-meeting');
 *   meeting.getToken = () => fetch('/api/meeting-token').then((r) => r.text());
 *   meeting.addEventListener('left', () => location.assign('/'));
 * </script>
 * ```
 */
export class MentaraMeetingElement extends Base {
  /** Attributes the element reacts to. */
  static get observedAttributes(): string[] {
    return [...MEETING_ELEMENT_ATTRIBUTES];
  }

  #container: HTMLDivElement | null = null;
  #mounted: RoomMount | null = null;
  #renderQueued = false;
  #token: string | null = null;
  #getToken: MeetingTokenGetter | null = null;
  #beforeJoin: MeetingJoinHook | null = null;
  #clientOptions: MeetingElementClientOptions | undefined;
  #messages: MeetingMessagesInput | undefined;
  #client: MeetingClient | undefined;

  /** Origin of the meeting server (`server-url`). Defaults to the page's own origin. Changing it starts a new room. */
  get serverUrl(): string {
    return this.getAttribute('server-url') ?? '';
  }
  set serverUrl(value: string) {
    this.#reflect('server-url', value);
  }

  /** The meeting to join (`meeting-id`). Nothing renders until it is set; changing it leaves and starts a new room. */
  get meetingId(): string {
    return this.getAttribute('meeting-id') ?? '';
  }
  set meetingId(value: string) {
    this.#reflect('meeting-id', value);
  }

  /**
   * Meeting token (JWT) for the server, from the `token` attribute or this property. The property
   * is not written back to the attribute, so a token set from script stays out of the DOM. Read
   * at every (re)connect: a new token applies to the next one, the current call goes on.
   */
  get token(): string | null {
    return this.#token;
  }
  set token(value: string | null) {
    this.#token = value || null;
  }

  /** Name shown to others (`display-name`); pre-fills the pre-join screen. Read when the room starts. */
  get displayName(): string {
    return this.getAttribute('display-name') ?? '';
  }
  set displayName(value: string) {
    this.#reflect('display-name', value);
  }

  /** `light`, `dark` or `system` (`theme`, the default). Applies at once. */
  get theme(): MeetingElementTheme {
    return parseTheme(this.getAttribute('theme'));
  }
  set theme(value: MeetingElementTheme) {
    this.#reflect('theme', value);
  }

  /** Participant layout, `auto` (default), `grid` or `focus` (`layout`). Applies at once. */
  get layout(): GridLayout {
    return parseLayout(this.getAttribute('layout'));
  }
  set layout(value: GridLayout) {
    this.#reflect('layout', value);
  }

  /** Show the pre-join screen first (`pre-join="off"` skips it). Read when the room starts. @defaultValue true */
  get preJoin(): boolean {
    return parseSwitch(this.getAttribute('pre-join'));
  }
  set preJoin(value: boolean) {
    this.#reflect('pre-join', value ? null : 'off');
  }

  /**
   * The link offered to invite others while you are alone (`invite-url`); without it, the page's
   * own address. Set it when the page's address carries something only you should have (a host
   * key, a token). Applies at once.
   */
  get inviteUrl(): string | null {
    return this.getAttribute('invite-url');
  }
  set inviteUrl(value: string | null) {
    this.#reflect('invite-url', value);
  }

  /** Offer the chat panel (`chat="off"` hides it). @defaultValue true */
  get chat(): boolean {
    return parseSwitch(this.getAttribute('chat'));
  }
  set chat(value: boolean) {
    this.#reflect('chat', value ? null : 'off');
  }

  /** Fetches a fresh token before every (re)connect; wins over `token`. Read when called, so it may be set any time. */
  get getToken(): MeetingTokenGetter | null {
    return this.#getToken;
  }
  set getToken(value: MeetingTokenGetter | null) {
    this.#getToken = typeof value === 'function' ? value : null;
  }

  /**
   * Called when the person presses Join on the pre-join screen, with the name they typed, before
   * joining: e.g. to have your backend mint a token for that name (hand it over in `getToken`).
   * A rejection keeps the pre-join screen and shows its message. Read when called.
   *
   * @example
   * ```js
   * let token;
   * meeting.beforeJoin = async ({ displayName }) => (token = await myBackend.meetingToken(meetingId, displayName));
   * meeting.getToken = () => token;
   * ```
   */
  get beforeJoin(): MeetingJoinHook | null {
    return this.#beforeJoin;
  }
  set beforeJoin(value: MeetingJoinHook | null) {
    this.#beforeJoin = typeof value === 'function' ? value : null;
  }

  /** Further client options (ICE servers, `relayOnly`, `media`…). Read when the room starts: set them before `meeting-id`. */
  get clientOptions(): MeetingElementClientOptions | undefined {
    return this.#clientOptions;
  }
  set clientOptions(value: MeetingElementClientOptions | undefined) {
    this.#clientOptions = value ?? undefined;
  }

  /**
   * Replacement strings, the same object as `<MeetingRoom messages>`; the rest stays English.
   * Set the element's `lang` to their language: without `messages` the room is marked `lang="en"`.
   */
  get messages(): MeetingMessagesInput | undefined {
    return this.#messages;
  }
  set messages(value: MeetingMessagesInput | undefined) {
    this.#messages = value ?? undefined;
    this.#queueRender();
  }

  /** Advanced: use this client instead of creating one (the element never destroys it). Changing it starts a new room. */
  get client(): MeetingClient | undefined {
    return this.#client;
  }
  set client(value: MeetingClient | undefined) {
    if (value === this.#client) return;
    this.#client = value ?? undefined;
    this.#restart();
  }

  /** Custom-element callback: renders the room (a microtask later, after any properties set in the same task). */
  connectedCallback(): void {
    for (const name of PROPERTIES) this.#upgradeProperty(name);
    if (!this.#container) {
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = shadowCss ??= shadowStylesFrom(packageCss);
      this.#container = document.createElement('div');
      this.#container.className = 'mm-element';
      shadow.append(style, this.#container);
    }
    this.#queueRender();
  }

  /**
   * Custom-element callback: leaves the meeting and unmounts — a microtask later, and only if
   * the element is still out of the document, so moving it elsewhere in the page keeps the call.
   */
  disconnectedCallback(): void {
    queueMicrotask(() => {
      if (!this.isConnected) this.#teardown();
    });
  }

  /** Custom-element callback for `moveBefore()`: a move keeps everything as it is. */
  connectedMoveCallback(): void {}

  /** Custom-element callback: `server-url`, `meeting-id` start a new room; `token` waits for the next connect; others re-render. */
  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    if (previous === value) return;
    if (name === 'token') this.#token = value || null;
    else if (RESTARTING_ATTRIBUTES.has(name)) this.#restart();
    else this.#queueRender();
  }

  /** Listen to one of the element's events, with its `detail` typed. */
  override addEventListener<K extends keyof MentaraMeetingElementEventMap>(
    type: K,
    listener: (this: MentaraMeetingElement, event: MentaraMeetingElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  /** Listen to any DOM event. */
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener, options);
  }

  /** Stop listening to one of the element's events. */
  override removeEventListener<K extends keyof MentaraMeetingElementEventMap>(
    type: K,
    listener: (this: MentaraMeetingElement, event: MentaraMeetingElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  /** Stop listening to any DOM event. */
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener, options);
  }

  #reflect(name: string, value: string | null): void {
    if (value === null || value === '') this.removeAttribute(name);
    else this.setAttribute(name, value);
  }

  /** A property set on the element before it was upgraded shadows the accessor: move it through the setter. */
  #upgradeProperty(name: (typeof PROPERTIES)[number]): void {
    if (!Object.prototype.hasOwnProperty.call(this, name)) return;
    const value: unknown = (this as Record<string, unknown>)[name];
    delete (this as Record<string, unknown>)[name];
    (this as Record<string, unknown>)[name] = value;
  }

  #queueRender(): void {
    if (this.#renderQueued) return;
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      this.#render();
    });
  }

  #restart(): void {
    this.#teardown();
    this.#queueRender();
  }

  #render(): void {
    const container = this.#container;
    const meetingId = this.meetingId;
    if (!this.isConnected || !container || !meetingId) return;
    this.#mounted ??= this.#mount(container, meetingId);
    // The built-in text is English: say so, unless the page gave its own strings (then the
    // element's `lang`, inherited, names their language).
    if (this.#messages) container.removeAttribute('lang');
    else container.lang = 'en';
    this.#mounted.render({
      meetingId,
      displayName: this.displayName || undefined,
      theme: this.theme,
      layout: this.layout,
      preJoin: this.preJoin,
      chat: this.chat,
      ...(this.inviteUrl ? { inviteUrl: this.inviteUrl } : {}),
      messages: this.#messages,
      // Read when Join is pressed, so the hook may be set or replaced any time.
      onJoin: (values) => this.#beforeJoin?.(values),
    });
  }

  #mount(container: HTMLDivElement, meetingId: string): RoomMount {
    const given = this.#client;
    const client =
      given ??
      createMeetingClient({
        ...this.#clientOptions,
        serverUrl: this.serverUrl,
        meetingId,
        displayName: this.displayName || undefined,
        // Read at every connect, so a new `token` or `getToken` applies to the next one.
        getToken: () => {
          const getToken = this.#getToken ?? this.#clientOptions?.getToken;
          return getToken ? getToken() : this.#token;
        },
      });
    return mountRoom(container, client, { owned: !given, events: this });
  }

  #teardown(): void {
    this.#mounted?.unmount();
    this.#mounted = null;
  }
}
