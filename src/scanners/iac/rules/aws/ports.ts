import type { Service } from './security-groups.js';

const tcp = ['tcp'] as const;
const udp = ['udp'] as const;
const both = ['tcp', 'udp'] as const;

export const SSH: readonly Service[] = [{ name: 'SSH', from: 22, protocols: tcp }];
export const RDP: readonly Service[] = [{ name: 'RDP', from: 3389, protocols: both }];

/** Data stores, search engines and brokers: none of them is meant to face the internet. */
export const DATA_STORES: readonly Service[] = [
  { name: 'SQL Server', from: 1433, to: 1434, protocols: tcp },
  { name: 'Oracle', from: 1521, protocols: tcp },
  { name: 'ZooKeeper', from: 2181, protocols: tcp },
  { name: 'MySQL/MariaDB', from: 3306, protocols: tcp },
  { name: 'PostgreSQL', from: 5432, protocols: tcp },
  { name: 'Redshift', from: 5439, protocols: tcp },
  { name: 'Kibana/OpenSearch Dashboards', from: 5601, protocols: tcp },
  { name: 'AMQP (RabbitMQ)', from: 5672, protocols: tcp },
  { name: 'CouchDB', from: 5984, protocols: tcp },
  { name: 'Redis', from: 6379, protocols: tcp },
  { name: 'Cassandra', from: 7000, to: 7001, protocols: tcp },
  { name: 'Neo4j', from: 7474, protocols: tcp },
  { name: 'InfluxDB', from: 8086, protocols: tcp },
  { name: 'Cassandra CQL', from: 9042, protocols: tcp },
  { name: 'Kafka', from: 9092, protocols: tcp },
  { name: 'Elasticsearch/OpenSearch', from: 9200, protocols: tcp },
  { name: 'Elasticsearch transport', from: 9300, protocols: tcp },
  { name: 'Memcached', from: 11211, protocols: both },
  { name: 'RabbitMQ management', from: 15672, protocols: tcp },
  { name: 'CockroachDB', from: 26257, protocols: tcp },
  { name: 'MongoDB', from: 27017, to: 27019, protocols: tcp },
];

/** Cleartext, unauthenticated-by-default or remote-control services other than SSH and RDP. */
export const RISKY_SERVICES: readonly Service[] = [
  { name: 'FTP', from: 20, to: 21, protocols: tcp },
  { name: 'Telnet', from: 23, protocols: tcp },
  { name: 'TFTP', from: 69, protocols: udp },
  { name: 'portmapper', from: 111, protocols: both },
  { name: 'MS RPC', from: 135, protocols: tcp },
  { name: 'NetBIOS', from: 137, to: 138, protocols: udp },
  { name: 'NetBIOS session', from: 139, protocols: tcp },
  { name: 'SNMP', from: 161, protocols: udp },
  { name: 'SMB', from: 445, protocols: tcp },
  { name: 'NFS', from: 2049, protocols: both },
  { name: 'Docker API', from: 2375, to: 2376, protocols: tcp },
  { name: 'etcd', from: 2379, to: 2380, protocols: tcp },
  { name: 'SaltStack', from: 4505, to: 4506, protocols: tcp },
  { name: 'VNC', from: 5900, protocols: tcp },
  { name: 'WinRM', from: 5985, to: 5986, protocols: tcp },
  { name: 'kubelet', from: 10250, protocols: tcp },
];
