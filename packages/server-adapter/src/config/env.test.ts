import { describe, expect, it } from 'vitest';
import { configFromEnv } from './env';

describe('configFromEnv', () => {
  it('has safe defaults', () => {
    expect(configFromEnv({})).toEqual({ port: 3000, host: '127.0.0.1', allowAnonymous: false, metrics: false, allowedOrigins: '*', ice: {} });
  });

  it('reads every variable of the deployment guide plus ours', () => {
    const config = configFromEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      APP_URL: 'https://app.example',
      JWT_SECRET: 'sekret',
      JWT_ISSUER: 'https://api.example',
      JWT_AUDIENCE: 'meetings',
      JWT_ALGORITHMS: 'HS256, HS384',
      STUN_SERVER_URL: 'none',
      TWILIO_ACCOUNT_SID: 'AC1',
      TWILIO_AUTH_TOKEN: 'tok',
      TWILIO_TURN_SERVER_URL: 'turn:global.turn.twilio.com:3478',
      XIRSYS_TURN_SERVER_URL: 'turn:x.example:3478',
      XIRSYS_USERNAME: 'xu',
      XIRSYS_CREDENTIAL: 'xc',
      XIRSYS_IDENT: 'id',
      XIRSYS_SECRET: 'xs',
      XIRSYS_CHANNEL: 'ch',
      TURN_SERVER_URL: 'turn:t.example:3478, turns:t.example:5349',
      TURN_USERNAME: 'tu',
      TURN_PASSWORD: 'tp',
      TURN_SECRET: 'shared',
      TURN_CREDENTIAL_TTL: '3600',
      STATIC_DIR: '/srv/web',
      MAX_PARTICIPANTS: '4',
      EMPTY_MEETING_TIMEOUT_MS: '1000',
      MEETINGS_ALLOW_ANONYMOUS: 'false',
      METRICS: 'true',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      frontendUrl: 'https://app.example',
      jwt: { secret: 'sekret', issuer: 'https://api.example', audience: 'meetings', algorithms: ['HS256', 'HS384'] },
      allowAnonymous: false,
      metrics: true,
      allowedOrigins: ['https://app.example'],
      staticDir: '/srv/web',
      maxParticipants: 4,
      emptyMeetingTimeoutMs: 1000,
      ice: {
        stunUrls: false,
        twilio: { accountSid: 'AC1', authToken: 'tok', turnServerUrl: 'turn:global.turn.twilio.com:3478' },
        xirsys: { ident: 'id', secret: 'xs', channel: 'ch' },
        xirsysStatic: { urls: ['turn:x.example:3478'], username: 'xu', password: 'xc' },
        coturnSecret: { urls: ['turn:t.example:3478', 'turns:t.example:5349'], secret: 'shared', ttlSeconds: 3600 },
        coturnStatic: { urls: ['turn:t.example:3478', 'turns:t.example:5349'], username: 'tu', password: 'tp' },
      },
    });
  });

  it('prefers FRONTEND_URL over APP_URL, honours ALLOWED_ORIGINS, reads PEM keys with escaped newlines', () => {
    const config = configFromEnv({
      FRONTEND_URL: 'https://front.example/',
      APP_URL: 'https://app.example',
      ALLOWED_ORIGINS: 'https://a.example,https://b.example',
      JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nabc\\n-----END PUBLIC KEY-----',
      STUN_SERVER_URL: 'stun:127.0.0.1:3478',
    });
    expect(config.frontendUrl).toBe('https://front.example/');
    expect(config.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.jwt).toEqual({ publicKey: '-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----' });
    expect(config.ice.stunUrls).toEqual(['stun:127.0.0.1:3478']);
  });

  it('rejects malformed numbers with the variable name', () => {
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => configFromEnv({ TURN_SERVER_URL: 'turn:x', TURN_SECRET: 's', TURN_CREDENTIAL_TTL: '-1' })).toThrow(/TURN_CREDENTIAL_TTL/);
  });

  it('reads the session flow defaults, and refuses values it does not know', () => {
    expect(configFromEnv({ MEETINGS_WAITING_ROOM: 'false', MEETINGS_CHAT_HISTORY: 'all' })).toMatchObject({ waitingRoom: false, chatHistory: 'all' });
    expect(configFromEnv({})).not.toHaveProperty('waitingRoom');
    expect(() => configFromEnv({ MEETINGS_WAITING_ROOM: 'yes' })).toThrow(/MEETINGS_WAITING_ROOM must be true or false/);
    expect(() => configFromEnv({ MEETINGS_CHAT_HISTORY: 'some' })).toThrow(/MEETINGS_CHAT_HISTORY must be none or all/);
  });

  it('reads the REST API keys and the webhook receivers, and refuses half a webhook configuration', () => {
    expect(configFromEnv({ MEETINGS_API_KEYS: ' key-a , key-b ', WEBHOOK_URL: 'https://a.example/hook,https://b.example/hook', WEBHOOK_SECRET: 'new,old' })).toMatchObject({
      apiKeys: ['key-a', 'key-b'],
      webhooks: { urls: ['https://a.example/hook', 'https://b.example/hook'], secrets: ['new', 'old'] },
    });
    expect(configFromEnv({})).not.toHaveProperty('apiKeys');
    expect(configFromEnv({})).not.toHaveProperty('webhooks');
    expect(() => configFromEnv({ WEBHOOK_URL: 'https://a.example/hook' })).toThrow(/WEBHOOK_URL and WEBHOOK_SECRET/);
    expect(() => configFromEnv({ WEBHOOK_SECRET: 'secret' })).toThrow(/WEBHOOK_URL and WEBHOOK_SECRET/);
  });

  it('reads REDIS_URL and NODE_ID for several nodes, and refuses a node id without Redis', () => {
    expect(configFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379', NODE_ID: 'node-a' }).redis).toEqual({ url: 'redis://127.0.0.1:6379', nodeId: 'node-a' });
    expect(configFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379' }).redis).toEqual({ url: 'redis://127.0.0.1:6379' });
    expect(configFromEnv({})).not.toHaveProperty('redis');
    expect(() => configFromEnv({ NODE_ID: 'node-a' })).toThrow(/REDIS_URL/);
  });
});
