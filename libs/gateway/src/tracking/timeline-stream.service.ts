import { type BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { trackingV1 } from '@baton/contracts';
import { ProblemJsonFilter, currentContext, runWithContext, type RequestContext } from '@baton/platform';
import { TRACKING_PEER, type TrackingPeer } from '../grpc-peers';

/** The longest one watch may wait before the stream sends a keep-alive, whatever the gRPC deadline. */
const MAX_WAIT_MS = 25_000;

function frame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Server-Sent Events of one order's timeline, built on tracking's long-poll watch: each new step is
 * sent once as `event: step` (with its event id as the SSE id), followed by `event: status` when
 * the customer-facing status changed; a comment line keeps the connection alive while nothing
 * happens. A client reconnecting with Last-Event-ID gets only the steps after that one. Open
 * streams are ended when the gateway shuts down (clients reconnect to another replica).
 */
@Injectable()
export class TimelineStream implements BeforeApplicationShutdown {
  private readonly problems = new ProblemJsonFilter();
  private readonly open = new Set<() => void>();

  constructor(@Inject(TRACKING_PEER) private readonly tracking: TrackingPeer) {}

  async stream(
    orderId: string,
    lastEventId: string | undefined,
    scope: trackingV1.LocationScope | undefined,
    request: Request,
    response: Response,
  ): Promise<void> {
    const context: RequestContext = { ...(currentContext() as RequestContext) };
    const waitMs = Math.max(500, Math.min(MAX_WAIT_MS, this.tracking.timeoutMs - 1000));
    let open = true;
    const end = (): void => {
      open = false;
      this.open.delete(end);
      if (!response.writableEnded) response.end();
    };
    this.open.add(end);
    request.on('close', end);
    response.status(200);
    response.setHeader('content-type', 'text/event-stream; charset=utf-8');
    response.setHeader('cache-control', 'no-cache, no-transform');
    response.setHeader('x-accel-buffering', 'no');
    response.flushHeaders();
    response.write('retry: 3000\n\n');

    const sent = new Set<string>();
    let resumeAfter = lastEventId;
    let status = '';
    while (open) {
      let answer: trackingV1.WatchTimelineResponse;
      try {
        answer = await runWithContext(context, () =>
          this.tracking.call('watchTimeline', { orderId, knownEntries: sent.size, waitMs, scope }),
        );
      } catch (error) {
        if (open) response.write(frame('error', this.problems.problemOf(error)));
        break;
      }
      if (!open) break;
      if (resumeAfter) {
        const at = answer.entries.findIndex((entry) => entry.eventId === resumeAfter);
        for (const entry of answer.entries.slice(0, at + 1)) sent.add(entry.eventId);
        resumeAfter = undefined;
      }
      const fresh = answer.entries.filter((entry) => !sent.has(entry.eventId));
      for (const entry of fresh) {
        sent.add(entry.eventId);
        response.write(frame('step', entry, entry.eventId));
      }
      if (answer.status && answer.status !== status) {
        status = answer.status;
        response.write(frame('status', { orderId, status }));
      } else if (fresh.length === 0) {
        response.write(': keep-alive\n\n');
      }
    }
    end();
  }

  beforeApplicationShutdown(): void {
    for (const end of [...this.open]) end();
  }
}
