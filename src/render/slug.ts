/** A heading as an HTML id and link target: "Mine Action Review" -> "mine-action-review". */
export const slug = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
