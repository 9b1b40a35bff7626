// The one escaping rule for text going into the report's HTML: names, sources, agreement titles
// and reasons come from users. Escaping all five characters makes the result safe both as element
// text and inside a double- or single-quoted attribute value.
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
