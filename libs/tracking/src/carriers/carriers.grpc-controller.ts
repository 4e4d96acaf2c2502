import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { trackingV1 } from '@baton/contracts';
import { CarrierIngestService } from './carrier-ingest.service';

const SERVICE = trackingV1.TRACKING_SERVICE_NAME;

/** Carrier tracking ingest over gRPC; maps requests to the service and nothing else. */
@Controller()
export class CarriersGrpcController implements Pick<trackingV1.TrackingServiceController, 'ingestCarrierTracking' | 'configureCarrierTracking'> {
  constructor(private readonly ingest: CarrierIngestService) {}

  @GrpcMethod(SERVICE, 'ingestCarrierTracking')
  ingestCarrierTracking(request: trackingV1.IngestCarrierTrackingRequest): Promise<trackingV1.IngestCarrierTrackingResponse> {
    return this.ingest.ingestWebhook(request);
  }

  @GrpcMethod(SERVICE, 'configureCarrierTracking')
  configureCarrierTracking(request: trackingV1.ConfigureCarrierTrackingRequest): Promise<trackingV1.ConfigureCarrierTrackingResponse> {
    return this.ingest.configure(request);
  }
}
