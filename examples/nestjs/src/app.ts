import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { ServerConfig } from '@mentara/meetings-server';
import { MEETINGS_HOST, MeetingsModule, type MeetingsHost } from './meetings.module';

/** The application root: only the meetings module. */
class AppModule {}

/** Starts a NestJS application hosting `/meetings` and `GET /api/meetings/webrtc-config`. */
export async function startNestExample(config: ServerConfig): Promise<{ url: string; host: MeetingsHost; close(): Promise<void> }> {
  const auth = { ...(config.jwt ? { auth: config.jwt } : {}), allowAnonymous: config.allowAnonymous };
  const app = await NestFactory.create(
    {
      module: AppModule,
      imports: [
        MeetingsModule.forRoot({
          meetings: { ...auth, allowedOrigins: config.allowedOrigins },
          webrtcConfig: { ...auth, ice: config.ice, allowedOrigins: config.allowedOrigins },
        }),
      ],
    },
    { logger: false },
  );
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    host: app.get<MeetingsHost>(MEETINGS_HOST),
    close: () => app.close(),
  };
}
