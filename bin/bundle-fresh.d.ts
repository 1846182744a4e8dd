/** Whether dist/bundle/ was made from the files of `dist` (and its packages) as they are now. */
export function bundleIsFresh(dist: string): boolean;
