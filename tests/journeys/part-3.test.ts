// Journeys part 3 of 3 (dealt round-robin from journeys.ts, so Vitest can run two files at a time).
import { part, playJourneys } from './harness.js';
import { journeys } from './journeys.js';

playJourneys(part(journeys, 3, 3));
