import type { Detector } from '../detector.js';

export const registriesDetectors: Detector[] = [];
