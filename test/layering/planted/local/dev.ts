export const devOnly = 'dev';
