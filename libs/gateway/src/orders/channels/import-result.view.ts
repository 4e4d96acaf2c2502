import { ApiProperty } from '@nestjs/swagger';
import { ImportSummaryView } from './import-summary.view';
import { ImportedOrderView } from './imported-order.view';

/** The outcome of a CSV import, order by order. */
export class ImportResultView {
  @ApiProperty({ type: [ImportedOrderView] })
  orders!: ImportedOrderView[];

  @ApiProperty({ type: ImportSummaryView })
  summary!: ImportSummaryView;
}
