import { Injectable } from '@nestjs/common';
import { DomainError } from '@baton/domain';
import { currentContext, type RequestContext } from '@baton/platform';
import { PartnersRepository } from './partners.repository';

const cache = new WeakMap<RequestContext, Promise<ReadonlySet<string>>>();

/**
 * Partner scoping at the edge. The gateway owns which locations each partner owns; a key bound to
 * a partner sees only objects that touch one of those locations. Route handlers call
 * {@link assertTouches} on every object they return or act on (a foreign object answers exactly
 * like a missing one: 404), and {@link restrictLocations} to turn a list query into one over the
 * partner's locations only, so pages stay correct. Keys not bound to a partner are unaffected.
 */
@Injectable()
export class PartnerScope {
  constructor(private readonly partners: PartnersRepository) {}

  /** The partner of the calling key, or undefined for a tenant-wide key. */
  partnerId(): string | undefined {
    return currentContext()?.partnerId;
  }

  /** The locations the calling partner owns (loaded once per request), or undefined when not partner-bound. */
  async locationIds(): Promise<ReadonlySet<string> | undefined> {
    const ctx = currentContext();
    const partnerId = ctx?.partnerId;
    if (!ctx || !partnerId) return undefined;
    let loaded = cache.get(ctx);
    if (!loaded) {
      loaded = this.partners.locationsOf([partnerId]).then((byPartner) => new Set(byPartner.get(partnerId) ?? []));
      cache.set(ctx, loaded);
    }
    return loaded;
  }

  /**
   * Refuses an object that touches none of the caller's locations with `notFound()` — the same
   * error the service gives for an id that does not exist, so a partner cannot tell the two apart.
   */
  async assertTouches(locationIds: Iterable<string>, notFound: () => DomainError): Promise<void> {
    const own = await this.locationIds();
    if (!own) return;
    for (const id of locationIds) if (own.has(id)) return;
    throw notFound();
  }

  /** Whether the caller may see an object touching these locations (always true for tenant-wide keys). */
  async touches(locationIds: Iterable<string>): Promise<boolean> {
    const own = await this.locationIds();
    if (!own) return true;
    for (const id of locationIds) if (own.has(id)) return true;
    return false;
  }

  /**
   * The location filter for a list query: the requested locations (undefined = all) narrowed to
   * the partner's own. An empty result means the partner may see nothing of what was asked.
   */
  async restrictLocations(requested: string[] | undefined): Promise<string[] | undefined> {
    const own = await this.locationIds();
    if (!own) return requested;
    if (!requested || requested.length === 0) return [...own];
    return requested.filter((id) => own.has(id));
  }
}
