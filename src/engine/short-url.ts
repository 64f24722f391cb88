/** How a web address is shown: without the scheme, "www." or a bare trailing slash. */
export function shortUrl(href: string): string {
  const url = new URL(href);
  return url.host.replace(/^www\./, '') + (url.pathname === '/' ? '' : url.pathname);
}
