import { type GatewayTestApp, startGateway } from '../../test/gateway-test-app.js';

describe('the API docs', () => {
  let gateway: GatewayTestApp;

  beforeAll(async () => {
    gateway = await startGateway();
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('serve the OpenAPI document of the public API at /docs-json', async () => {
    const response = await fetch(`${gateway.url}/docs-json`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = (await response.json()) as { openapi: string; paths: object };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/products/{id}/page');
  });

  it('serve an interactive page, with the scripts and styles it loads, at /docs', async () => {
    const page = await fetch(`${gateway.url}/docs`);
    const html = await page.text();

    expect(page.status).toBe(200);
    expect(html).toContain('swagger-ui');
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui-init.js', 'swagger-ui.css']) {
      const response = await fetch(`${gateway.url}/docs/${asset}`);
      await response.arrayBuffer();
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
    }
  });
});
