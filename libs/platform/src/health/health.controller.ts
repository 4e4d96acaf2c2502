import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthChecks } from './health-checks';

/** Kubernetes probes: liveness says the process runs; readiness says it can do work now. */
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthChecks) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() res: Response): Promise<void> {
    const report = await this.checks.readiness();
    res.status(report.status === 'ready' ? 200 : 503).json(report);
  }
}
