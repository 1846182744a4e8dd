/**
 * In-page steps around the layout pass for an edition volume (many countries in one
 * document). Serialised into the page like paginate.ts: self-contained, no imports.
 */

/** Offset that keeps each country's footnote keys apart (country k's note n becomes k*NOTE_SCOPE+n). */
export const NOTE_SCOPE = 100_000;

/**
 * Before layout: scope each country's ids, links and footnote keys, so "note-1" of one
 * country is not "note-1" of the next.
 */
export function scopeVolumeCountriesInPage(noteScope: number): number {
  const countries = Array.from(document.querySelectorAll('[data-volume-country]'));
  countries.forEach((article, i) => {
    const slug = article.getAttribute('data-volume-country') ?? String(i);
    for (const el of Array.from(article.querySelectorAll('[id]'))) el.id = `${slug}--${el.id}`;
    for (const a of Array.from(article.querySelectorAll('a[href^="#"]'))) {
      a.setAttribute('href', `#${slug}--${(a.getAttribute('href') ?? '#').slice(1)}`);
    }
    for (const el of Array.from(article.querySelectorAll('[data-note]'))) {
      el.setAttribute(
        'data-note',
        String((i + 1) * noteScope + Number(el.getAttribute('data-note'))),
      );
    }
  });
  return countries.length;
}

/**
 * After layout: name each printed page after its country (its running header), the first
 * page of each country without one, the cover without any; then write the contents' page
 * numbers. Returns each country's first page (1-based).
 */
export function finishVolumeInPage(): Record<string, number> {
  const firstPages: Record<string, number> = {};
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.kd-page'));
  pages.forEach((page, i) => {
    if (page.querySelector('.volume-cover')) {
      page.style.setProperty('page', 'cover');
      return;
    }
    const article = page.querySelector('[data-volume-country]');
    const slug = article?.getAttribute('data-volume-country');
    if (!article || !slug) return;
    const starts = !article.classList.contains('kd-continued') && firstPages[slug] === undefined;
    if (starts) firstPages[slug] = i + 1;
    page.style.setProperty('page', `country-${slug}${starts ? '-first' : ''}`);
  });
  for (const el of Array.from(document.querySelectorAll('[data-toc-page]'))) {
    const n = firstPages[el.getAttribute('data-toc-page') ?? ''];
    if (n !== undefined) el.textContent = String(n);
  }
  return firstPages;
}
