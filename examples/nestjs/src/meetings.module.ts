import type { DynamicModule, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  attachMeetings,
  createWebrtcConfigHandler,
  WEBRTC_CONFIG_PATH,
  type MeetingsServer,
  type MeetingsServerOptions,
  type WebrtcConfigHandlerOptions,
} from '@mentara/meetings-server';

/** Options of {@link MeetingsModule.forRoot}. */
export interface MeetingsModuleOptions {
  meetings: MeetingsServerOptions;
  webrtcConfig: WebrtcConfigHandlerOptions;
}

/** Injection token of the {@link MeetingsHost}. */
export const MEETINGS_HOST = 'MENTARA_MEETINGS_HOST';

/**
 * Attaches `/meetings` to Nest's own HTTP server and mounts `GET /api/meetings/webrtc-config`
 * on its HTTP adapter; closes both with the application.
 */
export class MeetingsHost implements OnModuleInit, OnModuleDestroy {
  #server: MeetingsServer | undefined;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly options: MeetingsModuleOptions,
  ) {}

  /** The attached meetings server (available once the application is initialised). */
  get server(): MeetingsServer {
    if (!this.#server) throw new Error('MeetingsHost: the application is not initialised yet');
    return this.#server;
  }

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    // Runs before Nest registers its not-found handler, so this route is reachable.
    adapter.get(WEBRTC_CONFIG_PATH, createWebrtcConfigHandler(this.options.webrtcConfig));
    this.#server = attachMeetings(adapter.getHttpServer(), this.options.meetings);
  }

  async onModuleDestroy(): Promise<void> {
    await this.#server?.close();
  }
}

/**
 * A NestJS dynamic module hosting Mentara Meetings. Built with factory providers only, so it
 * needs neither decorators nor `emitDecoratorMetadata` in the host's build.
 *
 * @example
 * ```ts
 * const app = await NestFactory.create({ module: AppModule, imports: [MeetingsModule.forRoot(options)] });
 * ```
 */
export class MeetingsModule {
  static forRoot(options: MeetingsModuleOptions): DynamicModule {
    return {
      module: MeetingsModule,
      global: true,
      providers: [
        {
          provide: MEETINGS_HOST,
          useFactory: (adapterHost: HttpAdapterHost) => new MeetingsHost(adapterHost, options),
          inject: [HttpAdapterHost],
        },
      ],
      exports: [MEETINGS_HOST],
    };
  }
}
