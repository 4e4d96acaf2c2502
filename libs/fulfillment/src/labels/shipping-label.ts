import { CODE128_QUIET_MODULES, code128Bars } from './code128';
import { PdfDocument } from './pdf-document';

/** Everything printed on a shipping label. */
export interface ShippingLabel {
  carrierName: string;
  serviceName: string;
  trackingNumber: string;
  from: string[];
  to: { name: string; line1: string; line2?: string; city: string; postalCode: string; country: string };
  orderId: string;
  fulfillmentId: string;
  packageNo: number;
  packageCount: number;
  weightGrams: number;
  shipDate: string;
}

/** 4 × 6 inch, the common thermal label size, in PDF points. */
const WIDTH_PT = 288;
const HEIGHT_PT = 432;
const MARGIN = 18;

function addressLines(label: ShippingLabel): string[] {
  const to = label.to;
  return [to.name, to.line1, ...(to.line2 ? [to.line2] : []), `${to.postalCode} ${to.city}`, to.country];
}

function weightText(grams: number): string {
  return `${(grams / 1000).toFixed(2)} kg`;
}

/**
 * The label as a one-page PDF: carrier and service, sender, recipient, references, and the
 * tracking number as a Code 128 barcode drawn as filled rectangles (with its quiet zones) above
 * its human-readable text.
 */
export function renderLabelPdf(label: ShippingLabel): Buffer {
  const pdf = new PdfDocument(WIDTH_PT, HEIGHT_PT, `Label ${label.trackingNumber}`);
  let y = HEIGHT_PT - MARGIN - 14;
  pdf.text(MARGIN, y, 14, label.carrierName, true);
  pdf.text(MARGIN, (y -= 14), 10, label.serviceName);
  pdf.rect(MARGIN, (y -= 8), WIDTH_PT - 2 * MARGIN, 1);
  pdf.text(MARGIN, (y -= 14), 8, 'FROM', true);
  for (const line of label.from) pdf.text(MARGIN, (y -= 10), 8, line);
  pdf.text(MARGIN, (y -= 18), 9, 'SHIP TO', true);
  for (const line of addressLines(label)) pdf.text(MARGIN, (y -= 14), 12, line, true);
  pdf.rect(MARGIN, (y -= 10), WIDTH_PT - 2 * MARGIN, 1);
  pdf.text(MARGIN, (y -= 12), 8, `Order ${label.orderId}`);
  pdf.text(MARGIN, (y -= 10), 8, `Fulfilment ${label.fulfillmentId}`);
  pdf.text(MARGIN, (y -= 10), 8, `Package ${label.packageNo} of ${label.packageCount}  ${weightText(label.weightGrams)}  ${label.shipDate}`);

  const { bars, modules } = code128Bars(label.trackingNumber);
  const available = WIDTH_PT - 2 * MARGIN;
  const moduleWidth = Math.min(1.5, available / (modules + 2 * CODE128_QUIET_MODULES));
  const left = (WIDTH_PT - modules * moduleWidth) / 2;
  const barHeight = 70;
  const barBottom = MARGIN + 24;
  for (const bar of bars) pdf.rect(left + bar.x * moduleWidth, barBottom, bar.width * moduleWidth, barHeight);
  pdf.text(left, MARGIN + 8, 11, label.trackingNumber, true);
  return pdf.toBuffer();
}

/** A ZPL field: `^`, `~` and non-ASCII would break the format, so they are replaced. */
function zplField(text: string): string {
  return text.replace(/[\^~]/g, ' ').replace(/[^\x20-\x7e]/g, '?');
}

/**
 * The same label in ZPL II for 203 dpi thermal printers (4 × 6 inch, 812 × 1218 dots), the
 * tracking number as a Code 128 barcode (`^BC`) with its interpretation line.
 */
export function renderLabelZpl(label: ShippingLabel): string {
  const lines: string[] = ['^XA', '^CI28', '^PW812', '^LL1218'];
  let y = 40;
  const text = (size: number, value: string) => {
    lines.push(`^FO40,${y}^A0N,${size},${size}^FD${zplField(value)}^FS`);
    y += size + 10;
  };
  text(50, label.carrierName);
  text(32, label.serviceName);
  lines.push(`^FO40,${y}^GB732,3,3^FS`);
  y += 20;
  text(24, 'FROM');
  for (const line of label.from) text(24, line);
  y += 10;
  text(28, 'SHIP TO');
  for (const line of addressLines(label)) text(40, line);
  lines.push(`^FO40,${y}^GB732,3,3^FS`);
  y += 20;
  text(24, `Order ${label.orderId}`);
  text(24, `Fulfilment ${label.fulfillmentId}`);
  text(24, `Package ${label.packageNo} of ${label.packageCount}  ${weightText(label.weightGrams)}  ${label.shipDate}`);
  lines.push(`^FO60,${Math.max(y + 20, 900)}^BY3^BCN,200,Y,N,N^FD${zplField(label.trackingNumber)}^FS`);
  lines.push('^XZ');
  return `${lines.join('\n')}\n`;
}
