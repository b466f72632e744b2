import { describe, expect, it } from 'vitest';
import { installIntentGuard, replayQueued } from './intent';

function island(): { box: HTMLElement; input: HTMLInputElement } {
  const box = document.createElement('div');
  box.setAttribute('data-island', '');
  const input = document.createElement('input');
  input.type = 'file';
  box.append(input);
  document.body.append(box);
  return { box, input };
}

describe('input that reaches a waiting island', () => {
  installIntentGuard(document);

  it('holds a file input’s change until the island is ready, then replays it', () => {
    const { box, input } = island();
    const heard: string[] = [];
    box.addEventListener('change', () => heard.push('change'));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(heard).toEqual([]);
    box.setAttribute('data-ready', '');
    replayQueued(box);
    expect(heard).toEqual(['change']);
    box.remove();
  });

  it('lets a file be dropped on a waiting island instead of the page opening it', () => {
    const { box } = island();
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    box.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    box.remove();
  });

  it('leaves file inputs outside islands alone', () => {
    const input = document.createElement('input');
    input.type = 'file';
    document.body.append(input);
    const heard: string[] = [];
    document.body.addEventListener('change', () => heard.push('change'));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(heard).toEqual(['change']);
    input.remove();
  });
});

describe('a choice made on a waiting island', () => {
  installIntentGuard(document);

  it('shows at once and reaches the island’s handler once it is ready', () => {
    const box = document.createElement('div');
    box.setAttribute('data-island', '');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'choice';
    box.append(radio);
    document.body.append(box);
    const heard: boolean[] = [];
    box.addEventListener('click', () => heard.push(radio.checked));
    radio.click();
    expect(radio.checked).toBe(true);
    expect(heard).toEqual([]);
    box.setAttribute('data-ready', '');
    replayQueued(box);
    expect(heard).toEqual([true]);
    expect(radio.checked).toBe(true);
    box.remove();
  });

  it('leaves Space on a radio and the arrows of a radio group to the browser, whose click is then held', () => {
    const box = document.createElement('div');
    box.setAttribute('data-island', '');
    const radio = document.createElement('input');
    radio.type = 'radio';
    box.append(radio);
    document.body.append(box);
    for (const key of [' ', 'ArrowDown', 'ArrowRight']) {
      const down = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      radio.dispatchEvent(down);
      expect(down.defaultPrevented, key).toBe(false);
    }
    const other = new KeyboardEvent('keydown', { key: 'Home', bubbles: true, cancelable: true });
    radio.dispatchEvent(other);
    expect(other.defaultPrevented).toBe(true);
    box.remove();
  });
});
