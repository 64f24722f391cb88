/**
 * The area search: the town and postcode table and the code that reads it travel together in
 * one chunk, loaded when the area is first asked (the rest of the conversation needs neither).
 */
import table from 'virtual:safety-chat/places';
import { lookupArea, type AreaResult } from '../engine/area-lookup.js';

export const searchArea = (query: string): AreaResult => lookupArea(query, table);
