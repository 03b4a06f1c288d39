/** The fields of the ShopperMessage type the pop-up shows. */
export interface ShopperMessage {
  locale: string;
  title: string;
  body: string;
  steps: string[];
  /** The sentence after the steps; not a step. */
  closing: string | null;
}

/** ShopperPopup draws the decline pop-up as the shopper saw it at checkout. */
export function ShopperPopup({ message }: { message: ShopperMessage }) {
  return (
    <section class="popup" lang={message.locale} aria-label="The pop-up the shopper saw">
      <h3>{message.title}</h3>
      <p>{message.body}</p>
      {message.steps.length > 0 && (
        <ol>
          {message.steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      )}
      {message.closing && <p class="closing">{message.closing}</p>}
      <p class="meta">locale {message.locale}</p>
    </section>
  );
}
