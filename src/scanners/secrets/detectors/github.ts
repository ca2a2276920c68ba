import type { Detector } from '../detector.js';

export const githubDetectors: Detector[] = [];
