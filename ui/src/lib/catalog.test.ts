import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { stepsOf, textErrors } from './catalog';

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
});
