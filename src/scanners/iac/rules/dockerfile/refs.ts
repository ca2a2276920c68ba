/** Documentation the Dockerfile rules cite. */
export const DOCKERFILE_REFERENCE = 'https://docs.docker.com/reference/dockerfile/';
export const BEST_PRACTICES = 'https://docs.docker.com/build/building/best-practices/';
export const CIS_DOCKER = 'https://www.cisecurity.org/benchmark/docker';
