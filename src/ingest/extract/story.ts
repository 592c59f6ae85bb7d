import type { StoryContext, StoryExtraction } from './types';

/**
 * One story's entities and relations. PLACEHOLDER until entity extraction lands.
 */
export function extractStory(story: StoryContext): StoryExtraction {
  void story;
  return { people: [], organisations: [], places: [], programmes: [], relations: [] };
}
