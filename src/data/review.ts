import { REVIEW_STATUSES, type ReviewStatus } from '../schema/review.js';
import { loadYaml } from './yaml-source.js';

/**
 * A country file's review status, read without validating the file (for `build --final`,
 * which must refuse a draft even when its last build is current): `status`, or draft when
 * the file gives none. Undefined when the file cannot be read or its status is not one of
 * draft, review, final (validation reports that).
 */
export async function readReviewStatus(file: string): Promise<ReviewStatus | undefined> {
  const loaded = await loadYaml(file);
  if (!loaded.ok) return undefined;
  const status = (loaded.source.value as Record<string, unknown>).status;
  if (status === undefined) return 'draft';
  return (REVIEW_STATUSES as readonly unknown[]).includes(status)
    ? (status as ReviewStatus)
    : undefined;
}
