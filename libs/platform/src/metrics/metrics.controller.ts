import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SERVICE_METRICS } from '../platform.tokens';
import type { ServiceMetrics } from './metrics-registry';

/** Prometheus scrape endpoint for this service's registry. */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics) {}

  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.send(await this.metrics.registry.metrics());
  }
}
