/**
 * The only markup content may use: *emphasis*, **strong**, and tokens that
 * insert a service's contact from the services data ({phone:service-id}).
 * Parsed into segments that the view renders as text nodes: never HTML.
 */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'em' | 'strong'; text: string }
  | { kind: 'token'; token: 'phone' | 'text' | 'web' | 'email' | 'name'; service: string };

const pattern = /\*\*([^*]+)\*\*|\*([^*]+)\*|\{(phone|text|web|email|name):([a-z0-9-]+)\}/g;

export function parseMarkup(source: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of source.matchAll(pattern)) {
    if (m.index > last) out.push({ kind: 'text', text: source.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'strong', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'em', text: m[2] });
    else out.push({ kind: 'token', token: m[3] as 'phone', service: m[4]! });
    last = m.index + m[0].length;
  }
  if (last < source.length) out.push({ kind: 'text', text: source.slice(last) });
  return out;
}
