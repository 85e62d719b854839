/** One page of a list (`?page=&limit=`, see `PageQueryDto`). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}
