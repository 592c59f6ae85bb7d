import { connectionOf } from './connection.type';
import { Organisation } from './organisation.type';
import { Person } from './person.type';
import { Place } from './place.type';
import { Programme } from './programme.type';
import { ProgrammeStatGroup } from './programme-stat-group.type';
import { Story } from './story.type';

// One connection per listable type; the classes are only declared here, built by connection.type.ts.
export const StoryConnection = connectionOf('Story', Story);
export const PersonConnection = connectionOf('Person', Person);
export const OrganisationConnection = connectionOf('Organisation', Organisation);
export const PlaceConnection = connectionOf('Place', Place);
export const ProgrammeConnection = connectionOf('Programme', Programme);
export const ProgrammeStatGroupConnection = connectionOf('ProgrammeStatGroup', ProgrammeStatGroup);
