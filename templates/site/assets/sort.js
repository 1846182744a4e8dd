// Sorts the site's index tables (table[data-sortable]) by a column: each column header becomes a
// button; a second press reverses the order. The tables read in full without this script. It
// reads only the page's own cells and writes no markup from them: rows are moved, not rebuilt.
(() => {
  const key = (cell) => (cell.getAttribute('data-sort') ?? cell.textContent ?? '').trim();
  const asNumber = (text) => {
    const n = Number(text.replace(/,/g, '').replace(/%$/, ''));
    return text !== '' && Number.isFinite(n) ? n : undefined;
  };
  const compare = (a, b) => {
    const x = asNumber(a);
    const y = asNumber(b);
    if (x !== undefined && y !== undefined) return x - y;
    if (x !== undefined) return -1;
    if (y !== undefined) return 1;
    return a.localeCompare(b, document.documentElement.lang || undefined, { numeric: true });
  };
  for (const table of document.querySelectorAll('table[data-sortable]')) {
    const body = table.tBodies[0];
    const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
    if (!body || headers.some((th) => th.colSpan > 1)) continue;
    headers.forEach((th, column) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'site-sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        for (const other of headers) other.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const rows = [...body.rows];
        rows.sort((r, s) => {
          const order = compare(key(r.cells[column]), key(s.cells[column]));
          return ascending ? order : -order;
        });
        for (const row of rows) body.appendChild(row);
      });
    });
  }
})();
