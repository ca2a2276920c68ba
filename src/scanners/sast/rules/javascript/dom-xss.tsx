// @ts-nocheck -- an annotated rule test: its imports are not installed
// biome-ignore-all lint: an annotated rule test: the unsafe code is the point
// biome-ignore-all format: annotations must stay right above the lines they describe
'use client';
import DOMPurify from 'dompurify';
import { useSearchParams } from 'next/navigation';
import { useRouter } from 'next/router';

export function Preview() {
  const searchParams = useSearchParams();
  const html = searchParams.get('html') ?? '';
  return (
    <div>
      <div
        // ruleid: sast/js-dom-xss
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <div
        // ok: sast/js-dom-xss
        dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }}
      />
      <p
        // ok: sast/js-dom-xss
        title={html}
      >
        {html}
      </p>
    </div>
  );
}

export function Message() {
  const router = useRouter();
  const { msg } = router.query;
  // ruleid: sast/js-dom-xss
  return <section dangerouslySetInnerHTML={{ __html: `<p>${msg}</p>` }} />;
}

export function Article({ post }: { post: { bodyHtml: string } }) {
  // ok: sast/js-dom-xss
  return <article dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />;
}

const ICON = '<svg viewBox="0 0 10 10"><circle r="5" /></svg>';
export function Icon() {
  // ok: sast/js-dom-xss
  return <span dangerouslySetInnerHTML={{ __html: ICON }} />;
}
