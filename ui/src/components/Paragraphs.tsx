// Text written with blank lines between paragraphs (catalog texts such as agent guidance) shown
// as paragraphs, rather than as one run of sentences.

/** paragraphs splits text at blank lines into trimmed paragraphs, empty ones left out. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A short lead ending in a colon, such as "What it means:", that opens a paragraph. */
const lead = /^([^.:!?\n]{1,40}:)\s+([\s\S]+)$/;

/** Paragraphs shows text as one paragraph per blank-line-separated block, a block's lead in bold. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {paragraphs(text).map((p, i) => {
        const m = lead.exec(p);
        return <p key={i}>{m ? [<strong key="lead">{m[1]}</strong>, ' ', m[2]] : p}</p>;
      })}
    </>
  );
}
