import { expect } from "vitest";

/** Asserts a response is an error in Azure's ErrorResponse shape and returns its message. */
export async function expectAzureError(response: Response, status: number, code: string): Promise<string> {
  const text = await response.text();
  expect({ status: response.status, text }).toMatchObject({ status });
  const body = JSON.parse(text) as unknown;
  expect(body).toEqual({ error: { code, message: expect.any(String) as unknown } });
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("x-ms-error-code")).toBe(code);
  const message = (body as { error: { message: string } }).error.message;
  expect(message.length).toBeGreaterThan(10);
  return message;
}
