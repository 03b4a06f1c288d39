import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { reasonPart, stepsOf, textErrors } from './catalog';

describe('catalog editor fields', () => {
  it('reads one step per line, dropping blank lines', () => {
    expect(stepsOf(' Check your details \n\n  Try again later\n')).toEqual(['Check your details', 'Try again later']);
    expect(stepsOf('')).toEqual([]);
  });

  it('places preview and save errors at the field they name', () => {
    const preview = new ApiError('invalid', 'INVALID', 200, 'r1', [
      { field: 'text.body', message: 'unknown placeholder {foo}' },
      { field: 'text.steps[1]', message: 'must not be empty' },
      { field: 'locale', message: 'is not supported' },
    ]);
    expect(textErrors(preview)).toEqual({ body: ['unknown placeholder {foo}'], steps: ['step 2: must not be empty'] });
    const save = new ApiError('invalid', 'INVALID', 200, 'r2', [
      { field: 'texts[CREDIT_SCORE_INSUFFICIENT][en-US][SHOPPER].body', message: 'must contain {score}' },
      { field: 'texts[CREDIT_SCORE_INSUFFICIENT][en-US][SHOPPER].body', message: 'must contain {bureau}' },
      { field: 'texts[CREDIT_SCORE_INSUFFICIENT][en-US][SHOPPER].steps', message: 'at least one step is required' },
    ]);
    expect(textErrors(save)).toEqual({ body: ['must contain {score}', 'must contain {bureau}'], steps: ['at least one step is required'] });
    expect(textErrors(new Error('x'))).toEqual({});
  });

  it("takes the reason's part out of a rendered one-reason pop-up", () => {
    const msg = {
      body: 'We could not approve your purchase of 129,95 € at Example Store.\n\nIncome too low\nYour income is below what this plan needs.\nSecond line.',
      steps: ['Check your income details', 'This does not affect your credit score.'],
    };
    expect(reasonPart(msg)).toEqual({ title: 'Income too low', body: 'Your income is below what this plan needs.\nSecond line.', steps: 'Check your income details' });
    expect(reasonPart({ body: 'no paragraphs', steps: [] })).toBeNull();
  });
});
