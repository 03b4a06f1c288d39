import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useConfirm } from './confirm';

afterEach(cleanup);

/** Page asks before acting, as the console's pages do, and writes down what happened. */
function Page() {
  const confirm = useConfirm();
  const act = async () => {
    const ok = await confirm.ask({ title: 'Revoke the API token “checkout”?', body: <p>Checkout stops working at once.</p>, confirm: 'Revoke the token', danger: true });
    document.getElementById('log')!.textContent += ok ? 'revoked;' : 'kept;';
  };
  return (
    <>
      <button type="button" onClick={act}>
        Revoke
      </button>
      <p id="log" />
      {confirm.dialog}
    </>
  );
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the confirm dialog', () => {
  it('opens as a modal dialog saying the consequence, with Cancel focused and the action named', async () => {
    render(<Page />);
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    const dialog = await screen.findByRole('dialog');
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Revoke the API token “checkout”?');
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toBe('Checkout stops working at once.');
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect(screen.getByRole('button', { name: 'Revoke the token' }).className).toBe('danger');
  });

  it('acts only on confirm; Cancel and Escape leave things as they were and close it', async () => {
    render(<Page />);
    const log = () => document.getElementById('log')!.textContent;

    screen.getByRole('button', { name: 'Revoke' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await tick();
    expect(log()).toBe('kept;');
    expect(screen.queryByRole('dialog')).toBeNull();
    // Focus goes back to the button that asked.
    expect(document.activeElement?.textContent).toBe('Revoke');

    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    fireEvent(await screen.findByRole('dialog'), new Event('cancel', { cancelable: true }));
    await tick();
    expect(log()).toBe('kept;kept;');
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke the token' }));
    await tick();
    expect(log()).toBe('kept;kept;revoked;');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
