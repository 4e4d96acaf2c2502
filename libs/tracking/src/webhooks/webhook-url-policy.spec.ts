import { checkWebhookUrl, isPrivateAddress } from './webhook-url-policy';

describe(isPrivateAddress.name, () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1'])(
    '%s is private',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );

  it.each(['8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700:4700::1111'])('%s is public', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});

describe(checkWebhookUrl.name, () => {
  const resolver = (answers: Record<string, string[]>) => async (host: string) => {
    const found = answers[host];
    if (!found) throw new Error('ENOTFOUND');
    return found;
  };
  const publicDns = resolver({ 'hooks.example.com': ['93.184.216.34'], 'sneaky.example.com': ['93.184.216.34', '10.0.0.7'] });

  it('accepts a public https URL', async () => {
    await expect(checkWebhookUrl('https://hooks.example.com/baton', false, publicDns)).resolves.toBe('https://hooks.example.com/baton');
  });

  it.each([
    ['http://127.0.0.1:8080/hook', /127\.0\.0\.1/],
    ['http://2130706433/hook', /127\.0\.0\.1/],
    ['http://[::1]/hook', /::1/],
    ['http://169.254.169.254/latest/meta-data', /169\.254/],
    ['http://localhost:3000/hook', /local host name/],
    ['http://intranet/hook', /local host name/],
    ['https://sneaky.example.com/hook', /resolves to 10\.0\.0\.7/],
    ['https://nowhere.example.com/hook', /does not resolve/],
    ['ftp://hooks.example.com/hook', /only http and https/],
    ['https://user:pw@hooks.example.com/hook', /credentials/],
    ['not a url', /absolute URL/],
  ])('refuses %s naming the url field', async (url, message) => {
    const refusal = checkWebhookUrl(url, false, publicDns);
    await expect(refusal).rejects.toMatchObject({ code: 'WEBHOOK_URL_REFUSED', violations: [{ field: 'url' }] });
    await expect(refusal).rejects.toThrow(message);
  });

  it('accepts loopback and private targets when the tenant allows them', async () => {
    await expect(checkWebhookUrl('http://127.0.0.1:8080/hook', true, publicDns)).resolves.toBe('http://127.0.0.1:8080/hook');
    await expect(checkWebhookUrl('http://localhost:8080/hook', true, publicDns)).resolves.toBe('http://localhost:8080/hook');
  });

  it('still refuses other schemes when private targets are allowed', async () => {
    await expect(checkWebhookUrl('file:///etc/passwd', true, publicDns)).rejects.toMatchObject({ code: 'WEBHOOK_URL_REFUSED' });
  });
});
