import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfStructureProblems } from '../../test/pdf-structure';
import { renderLabelPdf, renderLabelZpl, type ShippingLabel } from './shipping-label';

const label: ShippingLabel = {
  carrierName: 'Baton Parcel',
  serviceName: 'Parcel Standard',
  trackingNumber: 'BP1234567890128',
  from: ['Location WH-1', 'Keizersgracht 1', '1015 CC Amsterdam', 'NL'],
  to: { name: 'Zoë (Ada) Lovelace', line1: 'Damrak 1', line2: '2nd floor', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
  orderId: '0b9d1c7e-2d52-4f0c-9c1e-6f1d7b0a2e11',
  fulfillmentId: 'a0b1c2d3-e4f5-4a6b-8c7d-0123456789ab',
  packageNo: 1,
  packageCount: 2,
  weightGrams: 1250,
  shipDate: '2026-11-18',
};

function available(tool: string): boolean {
  return spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;
}

describe('shipping labels', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-label-'));
  const pdfPath = join(dir, 'label.pdf');
  const pdf = renderLabelPdf(label);
  writeFileSync(pdfPath, pdf);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders a structurally valid one-page PDF with the barcode as rectangles', () => {
    expect(pdfStructureProblems(pdf)).toEqual([]);
    const text = pdf.toString('latin1');
    expect(text).toContain('/Count 1');
    expect(text).toContain('/MediaBox [0 0 288 432]');
    expect((text.match(/ re f/g) ?? []).length).toBeGreaterThan(30);
    expect(text).toContain('(BP1234567890128) Tj');
  });

  (available('pdftotext') ? it : it.skip)('reads back as text with pdftotext (poppler)', () => {
    const out = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    for (const expected of ['Baton Parcel', 'SHIP TO', 'Zoë (Ada) Lovelace', '1012 LG Amsterdam', 'Package 1 of 2', '1.25 kg', 'BP1234567890128']) {
      expect(out.stdout).toContain(expected);
    }
  });

  (available('pdftoppm') && available('zbarimg') ? it : it.skip)('has a barcode a scanner decodes (pdftoppm + zbarimg)', () => {
    const render = spawnSync('pdftoppm', ['-r', '200', '-png', '-singlefile', pdfPath, join(dir, 'label')]);
    expect(render.status).toBe(0);
    const scan = spawnSync('zbarimg', ['--quiet', '--raw', join(dir, 'label.png')], { encoding: 'utf8' });
    expect(scan.stdout.trim()).toBe('BP1234567890128');
  });

  it('renders ZPL for 4x6 thermal printers with a Code 128 barcode', () => {
    const zpl = renderLabelZpl({ ...label, to: { ...label.to, name: 'Ada ^XZ~ Lovelace' } });
    expect(zpl.startsWith('^XA\n')).toBe(true);
    expect(zpl.trimEnd().endsWith('^XZ')).toBe(true);
    expect(zpl.match(/\^XZ/g)).toHaveLength(1);
    expect(zpl).toContain('^BCN,200,Y,N,N^FDBP1234567890128^FS');
    expect(zpl).toContain('^FDAda  XZ  Lovelace^FS');
    expect(zpl).toContain('^PW812');
  });
});
