/** The fields of the ShopperMessage type the pop-up shows. */
export interface ShopperMessage {
  locale: string;
  title: string;
  body: string;
  steps: string[];
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
      <p class="meta">locale {message.locale}</p>
    </section>
  );
}
