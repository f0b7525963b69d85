import type { IWebhookFunctions } from 'n8n-workflow';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

// The answer goes to a person's browser (docs/oneall-api.md §8.7): never cached, never sniffed, never framed.
const COMMON_HEADERS = {
	'Cache-Control': 'no-store',
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Referrer-Policy': 'no-referrer',
};

/** A short HTML page; `title` and `message` are escaped. */
export function sendPage(context: IWebhookFunctions, status: number, title: string, message: string): void {
	const html =
		'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
		`<title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:36em;margin:4em auto;padding:0 1em">` +
		`<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`;
	const response = context.getResponseObject();
	response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
	response.end(html);
}

export function sendRedirect(context: IWebhookFunctions, location: string): void {
	const response = context.getResponseObject();
	response.writeHead(302, { ...COMMON_HEADERS, Location: location });
	response.end();
}
