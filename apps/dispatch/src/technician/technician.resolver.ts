import { randomUUID } from 'node:crypto';
import { Arg, Mutation, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { Technician } from '@polyplus/dispatch-data';
import { CreateTechnicianInput } from './dto/create-technician.input';

@Resolver(() => Technician)
export class TechnicianResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => [Technician])
  technicians(@Arg('region', () => String) region: string): Promise<Technician[]> {
    return this.dataSource.getRepository(Technician).find({ where: { region }, order: { name: 'ASC' } });
  }

  @Mutation(() => Technician)
  createTechnician(@Arg('input', () => CreateTechnicianInput) input: CreateTechnicianInput): Promise<Technician> {
    const technicians = this.dataSource.getRepository(Technician);
    const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null));
    return technicians.save(technicians.create({ ...defined, id: randomUUID(), name: input.name.trim() }));
  }
}
