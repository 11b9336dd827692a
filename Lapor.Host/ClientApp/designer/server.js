// The page's JSON handlers (Razor Pages, antiforgery token in the header).

const token = () => document.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';

export async function post(handler, body) {
  const url = `${window.location.pathname}?handler=${handler}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', RequestVerificationToken: token() },
    body: JSON.stringify(body),
    credentials: 'same-origin'
  });
  const json = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  return { ok: response.ok, status: response.status, json };
}

export async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`${url}: ${response.status}`);
  }
  return response.json();
}
