/**
 * The tag of an image reference (`registry:5000/team/app:1.4`): undefined when it has none,
 * which Docker reads as `latest`; `pinned` when a digest fixes the content whatever the tag.
 */
export function referenceTag(ref: string): { tag?: string; pinned: boolean } {
  if (ref.includes('@')) return { pinned: true };
  const name = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = name.lastIndexOf(':');
  return colon < 0 ? { pinned: false } : { tag: name.slice(colon + 1), pinned: false };
}

/** Moves with every push: `latest`, or no tag at all. */
export function floatsOnLatest(ref: string): boolean {
  const { tag, pinned } = referenceTag(ref);
  return !pinned && (tag === undefined || tag === 'latest');
}
